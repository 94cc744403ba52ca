import CredenceFormat
import CredenceSyntax
import Testing

/// The layout rules one at a time, on small inputs.
@Suite struct FormatterTests {
  /// The formatted text, or a test failure naming why there is none.
  static func format(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation)
    -> String
  {
    switch Formatter.format(text) {
    case .formatted(let result):
      return result
    case .rejected(let diagnostics):
      Issue.record(
        "rejected: \(diagnostics.map(\.message))", sourceLocation: sourceLocation)
    case .failed(let reason):
      Issue.record("failed: \(reason)", sourceLocation: sourceLocation)
    }
    return ""
  }

  @Test func headerClausesGoOnTheirOwnLines() {
    #expect(
      Self.format(#"policy "P" authority "A"   version "1" effective 2020-01-01 until 2021-01-01"#)
        == """
        policy "P"
          authority "A"
          version "1"
          effective 2020-01-01 until 2021-01-01

        """)
  }

  @Test func spacingAroundOperatorsAndPunctuation() {
    #expect(
      Self.format("let x=f( a,b )+ -y*[1 ,2]  -{ k : v }.k\nlet empty = g() + [] + {}\n")
        == "let x = f(a, b) + -y * [1, 2] - { k: v }.k\nlet empty = g() + [] + {}\n")
    #expect(
      Self.format("let t(a : Award) : Money( SGD ) = a.fee\n")
        == "let t(a: Award): Money(SGD) = a.fee\n")
  }

  @Test func literalsTakeTheirCanonicalSpelling() {
    #expect(
      Self.format("let m = 500SGD + 4.50   SGD + 1_000 SGD\nlet d = 1 years + 2 month + 1day\n")
        == "let m = 500 SGD + 4.50 SGD + 1_000 SGD\nlet d = 1 year + 2 months + 1 day\n")
    // Digits, trailing zeros and escapes are the author's: they may matter to a reader.
    #expect(
      Self.format(#"let n = 100_000 + 4.50 + 90% + "caf\u{E9}""# + "\n")
        == #"let n = 100_000 + 4.50 + 90% + "caf\u{E9}""# + "\n")
  }

  @Test func unitWordsAgreeWithTheirNumber() {
    #expect(
      Self.format(
        """
        stack s "S"
          require at least 1 credentials
          require at least 2 credential where x
          require at least n credit
        equivalence e "E"
          "A" counts as "B" for 1 credits
          "C" counts as "D" for 1.0 credit
          cap 1 credits
        """)
          == """
          stack s "S"
            require at least 1 credential
            require at least 2 credentials where x
            require at least n credits

          equivalence e "E"
            "A" counts as "B" for 1 credit
            "C" counts as "D" for 1.0 credits
            cap 1 credit

          """)
  }

  @Test func trailingCommasGoUnlessTheBracketClosesOnItsOwnLine() {
    #expect(
      Self.format("let a = [1, 2,]\nlet r = { a: 1, }\n") == "let a = [1, 2]\nlet r = { a: 1 }\n")
    #expect(
      Self.format("let a = [\n  1,\n  2,\n]\n") == "let a = [\n    1,\n    2,\n]\n")
  }

  @Test func oneBlankLineBetweenDeclarationsAndGroupsOfSmallOnes() {
    #expect(
      Self.format(
        """


        param a: Number = 1
        param b: Number = 2



        let c = a
        stack s "S"
          require c
        test "t"
          expect s is achieved


        """)
          == """
          param a: Number = 1
          param b: Number = 2

          let c = a

          stack s "S"
            require c

          test "t"
            expect s is achieved

          """)
  }

  @Test func blankLinesInsideADeclarationGo() {
    #expect(
      Self.format("test \"t\"\n\n  expect a\n\n  # why\n\n  expect b\n")
        == "test \"t\"\n  expect a\n  # why\n  expect b\n")
  }

  @Test func requirementBlocksAreIndentedTwoPerLevel() {
    #expect(
      Self.format(
        """
        stack s "S"
         require any of because "one route"
                all of
                     a
                     b
                at least 2 of because "two"
                   c
                   d
                at least 1 credential where level == 7
         require x
        """)
          == """
          stack s "S"
            require any of because "one route"
              all of
                a
                b
              at least 2 of because "two"
                c
                d
              at least 1 credential where level == 7
            require x

          """)
  }

  @Test func becauseTextsAlign() {
    #expect(
      Self.format(
        """
        fund f "F"
          eligible when a because "a" and long_condition because "b"
            and (x or
                 y) because "c"
            and c because "d"
        stack s "S"
          require at least 3 credentials because "three"
          require gpa >= 2.5 because "gpa"
          require other
        """)
          == """
          fund f "F"
            eligible when a              because "a"
                      and long_condition because "b"
                      and (x or
                           y) because "c"
                      and c              because "d"

          stack s "S"
            require at least 3 credentials because "three"
            require gpa >= 2.5             because "gpa"
            require other

          """)
  }

  @Test func tablesAlignTheirArrowsAndColumns() {
    #expect(
      Self.format(
        """
        let rate = first match
            | a and b -> 90%
            | c -> 70%
            | otherwise -> 0%
        test "t"
          expect x == y
          examples
           | x | y |
           | 1000 SGD | unknown |
           | 1 | 2 |
        """)
          == """
          let rate = first match
            | a and b   -> 90%
            | c         -> 70%
            | otherwise -> 0%

          test "t"
            expect x == y
            examples
              | x        | y       |
              | 1000 SGD | unknown |
              | 1        | 2       |

          """)
  }

  @Test func countsAsAlignsOnOneLineRules() {
    #expect(
      Self.format(
        """
        equivalence e "E"
          using pool
          "GOOG-CYBER" counts as "IT2001" for 4 credits
          all of ["A", "B"] counts as "CS1010" for 4 credits
          each where level >= 5
              counts as elective for credits credits
          cap 60 credits
        """)
          == """
          equivalence e "E"
            using pool
            "GOOG-CYBER"      counts as "IT2001" for 4 credits
            all of ["A", "B"] counts as "CS1010" for 4 credits
            each where level >= 5
              counts as elective for credits credits
            cap 60 credits

          """)
  }

  @Test func paramValuesGoOnTheirOwnLinesWithFromAligned() {
    #expect(
      Self.format("param p: Money(SGD) = 500 SGD from 2015-01-01 1000 SGD from 2027-01-01\n")
        == """
        param p: Money(SGD) =
            500 SGD  from 2015-01-01
            1000 SGD from 2027-01-01

        """)
  }

  @Test func leadingOperatorsHangLeftOfTheirOperands() {
    #expect(
      Self.format(
        """
        let total =
          a + b
          + c
        let pool = learner.awards where x
          and y
        let check =
          a == 1
          and b
        let choice =
           if a
           then b
           else c
        """)
          == """
          let total =
              a + b
            + c
          let pool = learner.awards where x
                                      and y
          let check =
              a == 1
              and b
          let choice =
              if a
              then b
              else c

          """)
  }

  @Test func continuationLinesInsideBracketsLineUpInsideThem() {
    #expect(
      Self.format("let m = min(a,\nb + c,\n  d)\nlet l = [\n\"a\",\n  \"b\"]\n")
        == "let m = min(a,\n            b + c,\n            d)\nlet l = [\n    \"a\",\n    \"b\"]\n"
    )
  }

  @Test func commentsStayWithTheirTokens() {
    #expect(
      Self.format(
        """
        # file header

        ## Docs for a.
        let a = 1 # trailing
        let b = [1, # after one
          2]
            # before c, indented like c's line
        let c = 3
        fund f "F"
        # inside, indented like the next line
              amount 1 SGD
          # trails the fund

        # free-standing

        """)
          == """
          # file header

          ## Docs for a.
          let a = 1    # trailing
          let b = [1,  # after one
                   2]
          # before c, indented like c's line
          let c = 3

          fund f "F"
            # inside, indented like the next line
            amount 1 SGD
            # trails the fund

          # free-standing

          """)
  }

  @Test func trailingCommentsOnConsecutiveLinesAlign() {
    #expect(
      Self.format("let a = 1 # one\nlet bbb = 2 # two\n\nlet c = 3   # three\n")
        == "let a = 1    # one\nlet bbb = 2  # two\n\nlet c = 3  # three\n")
  }

  @Test func filesWithSyntaxErrorsAreRejected() {
    guard case .rejected(let diagnostics) = Formatter.format("let a = (1 +\nlet b = 2\n") else {
      Issue.record("not rejected")
      return
    }
    #expect(diagnostics.contains { $0.isError })
  }

  @Test func warningsDoNotStopFormatting() {
    #expect(Self.format("let a = 1\n## dangling\n") == "let a = 1\n## dangling\n")
  }

  @Test func emptyAndCommentOnlyFiles() {
    #expect(Self.format("") == "")
    #expect(Self.format("\n\n  \n") == "")
    #expect(
      Self.format("  # only a comment   \n\n\n# another") == "# only a comment\n\n# another\n")
  }

  @Test func crlfLineEndingsBecomeNewlines() {
    #expect(Self.format("let a = 1\r\n# note\r\nlet b = 2\r\n") == "let a = 1\n# note\nlet b = 2\n")
  }

  @Test func loneCarriageReturnsAndMixedEndingsBecomeNewlines() {
    let lf = "stack s \"S\"\n  require all of\n    a  # first\n    b\n\nlet x = 1\n"
    let expected = Self.format(lf)
    #expect(expected == lf)
    let crOnly = lf.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r")
    #expect(Self.format(crOnly) == expected)
    var mixed = ""
    for (index, line) in lf.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
      .dropLast()
    {
      mixed += line + ["\n", "\r", "\r\n"][index % 3]
    }
    #expect(Self.format(mixed) == expected)
  }

  @Test func theLayoutRuleSurvivesBracketsClosingOnTheirOwnLines() {
    // A `)` at the block's column would end the item before it closes: it goes deeper.
    let text = "stack s \"S\"\n  require all of\n    (a or\n     b\n     )\n    c\n"
    #expect(
      Self.format(text) == "stack s \"S\"\n  require all of\n    (a or\n      b\n      )\n    c\n")
  }
}
