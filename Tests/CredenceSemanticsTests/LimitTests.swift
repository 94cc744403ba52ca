import CredenceSyntax
import Testing

@testable import CredenceSemantics

/// The checker's limits, and programs shaped to make a careless checker slow or deep.
@Suite struct LimitTests {
  @Test func suggestionsStopAfterTheLimit() {
    let count = CheckerLimits.maximumSuggestions + 1
    var text = "policy \"p\"\n  version \"1\"\n\nlet age = 1\n"
    for i in 0..<count { text += "let a\(i) = agee\n" }
    let checked = Programs.check(text)
    let unknown = checked.outcome.diagnostics.filter { $0.code == .unknownName }
    #expect(unknown.count == count)
    #expect(unknown.first?.help == "did you mean `age`?")
    #expect(unknown.dropLast().allSatisfy { $0.help == "did you mean `age`?" })
    #expect(
      unknown.last?.help == "declare it with `let`, `param` or `fact`, or check its spelling")
  }

  /// A chain of lets, each using the next, the last reading the date, with a test of the
  /// first: checking, ordering and the "depends on today" search are linear, and nothing
  /// recurses along the chain. (A chain this long cannot be evaluated: it is reported once.)
  @Test func longChainsOfDefinitionsAreCheckedLinearly() {
    let length = 3_000
    var text = "policy \"p\"\n  version \"1\"\n\n"
    for i in 0..<length { text += "let c\(i) = c\(i + 1) + 1\n" }
    text += "let c\(length) = years_between(as_of, as_of)\n"
    text += "test \"t\"\n  expect c0 > 0\n"
    let checked = Programs.check(text)
    let tooDeep = CheckerLimits.maximumEvaluationDepth / 2
    #expect(
      checked.summary.map { $0.replacingOccurrences(of: "test.credence:", with: "") } == [
        "\(length - tooDeep + 4): error[E0503]: computing `c\(length - tooDeep)` goes more than "
          + "\(CheckerLimits.maximumEvaluationDepth) levels deep, through a chain of "
          + "\(tooDeep + 1) definitions each using the next",
        "\(length + 5): warning[W0901]: this test depends on the evaluation date but does not fix it",
      ])
  }

  /// A chain of lets within the evaluation depth limit, in the order they are evaluated.
  @Test func chainsOfDefinitionsAreOrderedDependenciesFirst() throws {
    let length = CheckerLimits.maximumEvaluationDepth / 2 - 1
    var text = "policy \"p\"\n  version \"1\"\n\n"
    for i in 0..<length { text += "let c\(i) = c\(i + 1) + 1\n" }
    text += "let c\(length) = years_between(as_of, as_of)\n"
    text += "test \"t\"\n  expect c0 > 0\n"
    let checked = Programs.check(text)
    #expect(
      checked.summary.map { $0.replacingOccurrences(of: "test.credence:", with: "") } == [
        "\(length + 5): warning[W0901]: this test depends on the evaluation date but does not fix it"
      ])
    let program = try #require(checked.outcome.program)
    let order = program.evaluationOrder.compactMap { d -> Int? in
      if case .let(let id) = d { Int(program[id].name.dropFirst()) } else { nil }
    }
    #expect(order == Array((0...length).reversed()))
    #expect(ProgramInvariants.problems(in: program) == [])
  }

  /// Past `CheckerLimits.maximumEvaluationDepth`, a chain of stacks is an error located at
  /// the first stack past it, with the use that leads on; the stacks requiring it are not
  /// reported again.
  @Test func chainsPastTheEvaluationDepthAreErrors() throws {
    let length = 400
    var text = "policy \"p\"\n  version \"1\"\n\nstack s1 \"S1\"\n  require all of [\"C\"]\n"
    for i in 2...length { text += "stack s\(i) \"S\(i)\"\n  require s\(i - 1)\n" }
    let checked = Programs.check(text, path: "limits/evaluation-depth.credence")
    let errors = checked.outcome.diagnostics.filter { $0.code == .evaluationTooDeep }
    #expect(errors.count == 1)
    let error = try #require(errors.first)
    #expect(checked.outcome.program == nil)
    let rendered = DiagnosticRenderer(format: .human).render([error], sources: checked.sources)
    let name = try #require(checked.sources.files.first?.text(of: error.span))
    let index = try #require(Int(name.dropFirst()))
    // Each stack is `decisionEvaluationLevels` and its requirement one more (s1's list one
    // more again): s_i is 5i + 1 levels deep, and the first past the limit is s103.
    #expect(CheckerLimits.decisionEvaluationLevels == 4)
    #expect(index == (CheckerLimits.maximumEvaluationDepth - 1) / 5 + 1)
    #expect(rendered.contains("evaluation-depth.credence:\(2 * index + 2):7"))
    try Golden.assert(rendered, named: "limits/evaluation-depth")
  }

  /// A stack the allocation could not decide is refused by `check`: more requirements than
  /// `CheckerLimits.maximumStackRequirements` (the stack itself counts as their group), or a
  /// credit threshold beyond `CheckerLimits.maximumScaledCredits` at the stack's scale.
  @Test func stacksTheAllocationCannotDecideAreErrors() throws {
    func stack(_ name: String, requirements: Int) -> String {
      "stack \(name) \"S\"\n"
        + (0..<requirements).map { "  require any of [\"C\($0)\"]\n" }.joined()
    }
    let limit = CheckerLimits.maximumStackRequirements
    let largest = CheckerLimits.maximumScaledCredits
    let text =
      "policy \"p\"\n  version \"1\"\n\n" + stack("fits", requirements: limit - 1)
      + stack("big", requirements: limit)
      + "stack block \"B\"\n  require all of\n"
      + (0..<(limit - 2)).map { "    any of [\"C\($0)\"]\n" }.joined()
      + "stack whole \"W\"\n  require at least \(largest) credits\n"
      + "stack mixed \"M\"\n  require at least \(largest) credits\n  require at least 0.5 credits\n"
      + "stack cents \"C\"\n  require at least \(largest / 100).56 credits\n"
    var sources = SourceSet()
    sources.add(path: "limits/stack-size.credence", text: text)
    let checked = Programs.check(sources)
    let errors = checked.diagnostics.filter(\.isError)
    #expect(errors.map(\.code) == [.tooManyRequirements, .creditsOutOfRange])
    let rendered = DiagnosticRenderer(format: .human).render(errors, sources: sources)
    #expect(rendered.contains("`big` has \(limit + 1) requirements"))
    #expect(rendered.contains("at least \(largest) credits is beyond"))
    try Golden.assert(rendered, named: "limits/stack-size")
  }

  /// The policy library's deepest definition is far below the evaluation depth limit.
  @Test func thePolicyLibraryIsFarFromTheEvaluationDepthLimit() throws {
    let urls = Programs.files(under: Programs.root.appendingPathComponent("policies"))
    let files = try Programs.sources(urls).files.map { Parser.parse($0).syntax }
    let checker = ProgramChecker(files: files)
    _ = checker.run()
    #expect(checker.deepestEvaluation > 1)
    #expect(checker.deepestEvaluation * 8 < CheckerLimits.maximumEvaluationDepth)
  }

  /// A cycle through thousands of lets is reported once, with every link.
  @Test func longCyclesAreReportedOnce() {
    let length = 2_000
    var text = "policy \"p\"\n  version \"1\"\n\n"
    for i in 0..<length { text += "let c\(i) = c\((i + 1) % length) + 1\n" }
    text += "test \"t\"\n  as of 2026-01-01\n  expect c0 > 0\n"
    let cycles = Programs.check(text).outcome.diagnostics.filter { $0.code == .dependencyCycle }
    #expect(cycles.count == 1)
    #expect(cycles.first?.labels.count == length)
  }

  /// A table of many rows, many of them repeated: each row compared once. Every row after
  /// the first (`x >= 0`) is unreachable: repeated, or covered by it.
  @Test func longTablesAreCheckedLinearly() {
    let rows = 4_000
    var text = "policy \"p\"\n  version \"1\"\n\nlet band(x: Number) = first match\n"
    for i in 0..<rows { text += "  | x >= \(i % 100) -> \(i)\n" }
    text += "  | otherwise -> 0\ntest \"t\"\n  as of 2026-01-01\n  expect band(5) > 0\n"
    let unreachable = Programs.check(text).outcome.diagnostics.filter {
      $0.code == .unreachableRow
    }
    #expect(unreachable.count == rows - 1)
  }

  /// Inferring a type on demand stops at the depth limit with a diagnostic. The program
  /// needs depth 2: `code` uses `title`, which uses `level`, and each mentions the next
  /// only as a field name inside `where`, so no order checks all three in turn.
  @Test func inferenceStopsAtTheDepthLimit() throws {
    let text = """
      policy "p"
        version "1"

      let level = count(learner.awards.credential where title == "x")
      let title = count(learner.awards.credential where code == "x") + level
      let code = title * 2

      test "t"
        as of 2026-01-01
        expect code > 0
      """
    #expect(CheckerLimits.maximumInferenceDepth == 16)
    let clean = Programs.check(text)
    #expect(!clean.outcome.hasErrors)
    var sources = SourceSet()
    sources.add(path: "limits/inference-depth.credence", text: text)
    let parsed = Parser.parse(sources.files[0])
    let outcome = ProgramChecker(files: [parsed.syntax], inferenceDepthLimit: 1).run()
    let errors = outcome.diagnostics.filter(\.isError)
    #expect(errors.map(\.code) == [.inferenceTooDeep])
    #expect(outcome.program == nil)
    let rendered = DiagnosticRenderer(format: .human).render(errors, sources: sources)
    try Golden.assert(rendered, named: "limits/inference-depth")
  }
}
