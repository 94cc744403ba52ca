import CredenceSemantics
import Foundation
import Testing

/// Chains of definitions at the evaluation depth limit run to the end without exhausting
/// the stack; one level more is a check error (`CheckerLimits.maximumEvaluationDepth`).
@Suite struct DeepDefinitionChainTests {
  static let header = "policy \"p\"\n  authority \"a\"\n  version \"1\"\n\n"

  /// Stacks `s1` … `sN`, each requiring the one before, and a test of the last.
  static func stacks(_ count: Int) -> String {
    var text = header + "stack s1 \"S1\"\n  require all of [\"C\"]\n"
    for i in 2...count { text += "stack s\(i) \"S\(i)\"\n  require s\(i - 1)\n" }
    return text + "test \"t\"\n  given award \"C\" on 2025-03-01\n  expect s\(count) is achieved\n"
  }

  /// Lets `l1` … `lN`, each adding one to the one before, and a test of the last.
  static func lets(_ count: Int) -> String {
    var text = header + "let l1 = 1\n"
    for i in 2...count { text += "let l\(i) = l\(i - 1) + 1\n" }
    return text + "test \"t\"\n  expect l\(count) == \(count)\n"
  }

  @Test(arguments: [("stacks", 102), ("lets", 256)])
  func theDeepestAllowedChainsEvaluate(kind: String, count: Int) throws {
    let limit = CheckerLimits.maximumEvaluationDepth
    let within = kind == "stacks" ? Self.stacks(count) : Self.lets(count)
    let beyond = kind == "stacks" ? Self.stacks(count + 1) : Self.lets(count + 1)
    try CheckCommandTests.withFolder(["within.credence": within, "beyond.credence": beyond]) {
      dir in
      let passed = try CheckCommandTests.run(["test", "within.credence"], in: dir)
      #expect(passed.status == 0, "\(passed.output)\(passed.error)")
      #expect(passed.output.hasSuffix("1 passed, 0 failed\n"))
      let refused = try CheckCommandTests.run(["check", "beyond.credence"], in: dir)
      #expect(refused.status == 65)
      #expect(refused.output.contains("error[E0503]"))
      #expect(refused.output.contains("goes more than \(limit) levels deep"))
      let notRun = try CheckCommandTests.run(["test", "beyond.credence"], in: dir)
      #expect(notRun.status == 65)
    }
  }
}
