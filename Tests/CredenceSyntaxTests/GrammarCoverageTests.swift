import CredenceSyntax
import Foundation
import Testing

/// An example of every production of grammar/credence.ebnf parses, and the grammar has no
/// production without an example here.
@Suite struct GrammarCoverageTests {
  /// How an example is parsed.
  enum Context {
    /// A whole file.
    case file
    /// An expression, as the body of `let x = …`.
    case expression
    /// Tokens: the example lexes to exactly one token, without error.
    case token
    /// Trivia: the example lexes to a comment.
    case comment
  }

  struct Example: CustomStringConvertible {
    var production: String
    var context: Context
    var source: String
    /// A part of the tree's S-expression that shows the production was recognised.
    var shows: String
    var description: String { production }
  }

  static let examples: [Example] = [
    // Lexical grammar.
    Example(
      production: "WHITESPACE", context: .file, source: "let\tx =\r\n 1\n", shows: "(let x 1)"),
    Example(production: "COMMENT", context: .comment, source: "# a comment", shows: "a comment"),
    Example(
      production: "DOC_COMMENT", context: .comment, source: "## documents", shows: "documents"),
    Example(production: "IDENT", context: .token, source: "birth_date_2", shows: "birth_date_2"),
    Example(production: "NUMBER", context: .token, source: "1_000.50", shows: "1000.50"),
    Example(production: "digits", context: .token, source: "100_000", shows: "100000"),
    Example(production: "PERCENT", context: .token, source: "12.5%", shows: "12.5%"),
    Example(production: "MONEY", context: .token, source: "4.50 SGD", shows: "4.50SGD"),
    Example(production: "CURRENCY", context: .token, source: "500EUR", shows: "500EUR"),
    Example(production: "DURATION", context: .token, source: "6 months", shows: "6month"),
    Example(production: "duration_unit", context: .token, source: "2 weeks", shows: "2week"),
    Example(production: "DATE", context: .token, source: "2024-02-29", shows: "2024-02-29"),
    Example(production: "STRING", context: .token, source: #""Zürich""#, shows: #""Zürich""#),
    Example(
      production: "escape", context: .token, source: #""\"\\\n\t\u{41}""#, shows: #""\"\\\n\tA""#),
    Example(production: "KEYWORD", context: .token, source: "equivalence", shows: "keyword"),
    Example(production: "PUNCTUATION", context: .token, source: "->", shows: "->"),
    // Syntactic grammar: declarations.
    Example(
      production: "program", context: .file, source: "let a = 1\nlet b = 2\n",
      shows: "(let a 1)\n(let b 2)"),
    Example(
      production: "declaration", context: .file, source: "## Doc.\nfact f: Text\n",
      shows: "(fact f Text)"),
    Example(
      production: "policy_header", context: .file, source: #"policy "P" authority "A""#,
      shows: #"(policy "P" (authority "A"))"#),
    Example(
      production: "header_clause", context: .file,
      source:
        #"policy "P" version "1" source "s" effective 2026-01-01 until 2026-12-31 grades letter"#,
      shows: "(effective 2026-01-01 2026-12-31) (grades letter)"),
    Example(
      production: "scale_decl", context: .file, source: #"scale s: "F" < "P" where "Pass" = "P""#,
      shows: #"(scale s "F" "P" (= "Pass" "P"))"#),
    Example(
      production: "grade", context: .file, source: #"scale s: "A" points 5.0"#, shows: #"("A" 5.0)"#
    ),
    Example(
      production: "grade_alias", context: .file, source: #"scale s: "C" where "Pass" = "C""#,
      shows: #"(= "Pass" "C")"#),
    Example(
      production: "param_decl", context: .file, source: "param p: Number = 1 2 from 2027-01-01",
      shows: "(param p Number 1 (2 from 2027-01-01))"),
    Example(
      production: "param_value", context: .file,
      source: "param p: Money(SGD) = 500 SGD from 2016-01-01", shows: "(500SGD from 2016-01-01)"),
    Example(
      production: "fact_decl", context: .file, source: "fact income: Money(SGD)",
      shows: "(fact income Money(SGD))"),
    Example(
      production: "let_decl", context: .file, source: "let f(a: Award): Bool = a.x",
      shows: "(let f (params (a Award)) : Bool (. a x))"),
    Example(
      production: "parameter", context: .file, source: "let f(a: Award, n: Number) = n",
      shows: "(params (a Award) (n Number))"),
    Example(
      production: "type", context: .file, source: "fact f: List(Award)", shows: "List(Award)"),
    Example(
      production: "type_argument", context: .file, source: "fact f: Grade(letter)",
      shows: "Grade(letter)"),
    Example(
      production: "stack_decl", context: .file,
      source: "stack s \"S\" using learner.awards require x",
      shows: #"(stack s "S" (using (. learner awards)) (require x))"#),
    Example(
      production: "requirement", context: .file, source: "stack s \"S\" require x because \"why\"",
      shows: #"(require (because x "why"))"#),
    Example(
      production: "group_requirement", context: .file,
      source: "stack s \"S\" require any of [\"A\", \"B\"]",
      shows: #"(require (any-of (list "A" "B")))"#),
    Example(
      production: "requirement_block", context: .file,
      source: "stack s \"S\"\n  require all of\n    a\n    b\n", shows: "(require (all-of a b))"),
    Example(
      production: "count_requirement", context: .file,
      source: "stack s \"S\" require at least 3 credentials where level >= 6",
      shows: "(at-least 3 credentials (where (>= level 6)))"),
    Example(
      production: "quantity", context: .file, source: "stack s \"S\" require at least n credits",
      shows: "(at-least n credits)"),
    Example(
      production: "condition_requirement", context: .file,
      source: "stack s \"S\" require other_stack", shows: "(require other_stack)"),
    Example(
      production: "fund_decl", context: .file,
      source: "fund f \"F\" per enrolment e where e.ok amount 1 SGD",
      shows: #"(fund f "F" (per-enrolment e (. e ok)) (amount 1SGD))"#),
    Example(
      production: "fund_clause", context: .file,
      source: "fund f \"F\" eligible when a rate 50% amount 1 SGD",
      shows: "(eligible a) (rate 50%) (amount 1SGD)"),
    Example(
      production: "condition", context: .file,
      source: "fund f \"F\" eligible when a because \"A\" and b because \"B\"",
      shows: #"(eligible (because a "A") (because b "B"))"#),
    Example(
      production: "equivalence_decl", context: .file,
      source: "equivalence e \"E\" using pool \"A\" counts as \"B\" for 4 credits",
      shows: #"(equivalence e "E" (using pool) (counts-as "A" "B" 4))"#),
    Example(
      production: "equivalence_rule", context: .file,
      source: "equivalence e \"E\" all of [\"A\", \"B\"] counts as \"C\" for 4 credits",
      shows: #"(counts-as (all-of (list "A" "B")) "C" 4)"#),
    Example(
      production: "rule_source", context: .file,
      source: "equivalence e \"E\" each where level >= 5 counts as elective for 2 credits",
      shows: "(counts-as (each (>= level 5)) elective 2)"),
    Example(
      production: "rule_target", context: .file,
      source: "equivalence e \"E\" \"A\" counts as elective in \"free\" for 1 credit",
      shows: #"elective in "free""#),
    Example(
      production: "cap_clause", context: .file,
      source: "equivalence e \"E\" cap 60 credits in \"free\"", shows: #"(cap 60 in "free")"#),
    Example(
      production: "test_decl", context: .file, source: "test \"T\" as of 2026-07-01 expect x",
      shows: #"(test "T" (as-of 2026-07-01) (expect x))"#),
    Example(
      production: "test_clause", context: .file,
      source: "test \"T\"\n  given fact f = 1\n  expect f == 1\n  examples\n    | a |\n    | 1 |\n",
      shows: "(given fact f 1) (expect (== f 1)) (examples (row a) (row 1))"),
    Example(
      production: "path_expectation", context: .file,
      source: "test \"T\" expect path to s for 8 credits by cost is [\"A\", \"B\"]",
      shows: #"(expect-path s (credits 8) (by cost) (list "A" "B"))"#),
    Example(
      production: "fixture", context: .file,
      source: "test \"T\" given ledger \"s\" 5 SGD on 2020-01-01 until 2021-01-01",
      shows: #"(given ledger "s" 5SGD on 2020-01-01 until 2021-01-01)"#),
    Example(
      production: "example_table", context: .file,
      source: "test \"T\"\n  examples\n    | a | b |\n    | 1 | 2 |\n",
      shows: "(examples (row a b) (row 1 2))"),
    Example(
      production: "example_row", context: .file, source: "test \"T\" examples | a | b |",
      shows: "(row a b)"),
    // Syntactic grammar: expressions.
    Example(production: "expression", context: .expression, source: "1", shows: "1"),
    Example(
      production: "where_expr", context: .expression, source: "xs where a", shows: "(where xs a)"),
    Example(production: "or_expr", context: .expression, source: "a or b", shows: "(or a b)"),
    Example(production: "and_expr", context: .expression, source: "a and b", shows: "(and a b)"),
    Example(
      production: "not_expr", context: .expression, source: "not not a", shows: "(not (not a))"),
    Example(
      production: "comparison", context: .expression, source: "a not in b", shows: "(not in a b)"),
    Example(production: "compare_op", context: .expression, source: "a != b", shows: "(!= a b)"),
    Example(
      production: "status", context: .expression, source: "s is not in effect",
      shows: "(is s not in effect)"),
    Example(
      production: "additive", context: .expression, source: "a - b + c", shows: "(+ (- a b) c)"),
    Example(
      production: "multiplicative", context: .expression, source: "a * b / c",
      shows: "(/ (* a b) c)"),
    Example(production: "unary", context: .expression, source: "- - a", shows: "(- (- a))"),
    Example(
      production: "postfix", context: .expression, source: "p as of e.start_on",
      shows: "(as-of p (. e start_on))"),
    Example(
      production: "primary", context: .expression, source: "distinct xs by code",
      shows: "(distinct xs code)"),
    Example(
      production: "record", context: .expression, source: "{ a: 1, b: 2, }",
      shows: "(record (a 1) (b 2))"),
    Example(
      production: "table_row", context: .expression, source: "partial first match | a -> 1",
      shows: "(partial-first-match (a -> 1))"),
    Example(
      production: "literal", context: .expression,
      source: "[1, 2%, 3 SGD, 4 days, 2026-01-01, \"s\", true, unknown]",
      shows: #"(list 1 2% 3SGD 4day 2026-01-01 "s" true unknown)"#),
  ]

  static var grammarProductions: [String] {
    let grammar = Corpus.packageRoot.appendingPathComponent("grammar/credence.ebnf")
    guard let text = try? String(contentsOf: grammar, encoding: .utf8) else { return [] }
    var names: [String] = []
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for (index, line) in lines.enumerated() {
      guard let first = line.first, first.isLetter || first == "_" else { continue }
      let name = line.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
      let rest = line.dropFirst(name.count).drop { $0 == " " }
      let nextLine = index + 1 < lines.count ? lines[index + 1].drop { $0 == " " } : ""
      if rest.hasPrefix("=") || (rest.isEmpty && nextLine.hasPrefix("=")) {
        names.append(String(name))
      }
    }
    return names
  }

  @Test func everyProductionHasAnExample() {
    let productions = Self.grammarProductions
    #expect(productions.count > 50, "could not read the grammar's productions")
    let covered = Set(Self.examples.map(\.production))
    for production in productions {
      #expect(covered.contains(production), "no example for `\(production)`")
    }
    for example in Self.examples {
      #expect(
        productions.contains(example.production), "`\(example.production)` is not in the grammar")
    }
  }

  @Test(arguments: examples)
  func exampleParses(_ example: Example) {
    switch example.context {
    case .file, .expression:
      let text = example.context == .file ? example.source : "let x = \(example.source)"
      let parsed = Parser.parse(text)
      #expect(
        parsed.diagnostics.isEmpty, "\(example.production): \(parsed.diagnostics.map(\.message))")
      let tree = parsed.syntax.sExpression
      #expect(tree.contains(example.shows), "\(example.production): \(tree)")
    case .token:
      let lexed = Lexer.lex(SourceFile(path: "t", text: example.source))
      #expect(lexed.diagnostics.isEmpty)
      #expect(lexed.tokens.count == 2, "\(example.production): \(lexed.tokens.map(\.kind))")
      let shown: String =
        switch lexed.tokens.first?.kind {
        case .literal(let literal): literal.sExpression
        case .identifier(let name): name
        case .keyword: "keyword"
        case .punctuation(let p): p.rawValue
        default: "?"
        }
      #expect(shown == example.shows, "\(example.production)")
    case .comment:
      let lexed = Lexer.lex(SourceFile(path: "t", text: example.source))
      #expect(lexed.tokens.count == 1)
      #expect(lexed.comments.map(\.text) == [example.shows])
    }
  }
}
