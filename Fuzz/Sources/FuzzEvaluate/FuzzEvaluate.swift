import Credence
import FuzzSupport

/// The date every input is evaluated on: after the fixture records' awards, before some of
/// their expiries and enrolments.
let evaluationDate = CivilDate(year: 2026, month: 6, day: 1)!

/// libFuzzer's entry point: check arbitrary bytes as a policy file; a program that checks
/// cleanly is compiled, evaluated on the three fixed learners (with explanations on every
/// other input) and its own tests are run. Whatever the program, every result belongs to a
/// decision asked for, and every output format renders them.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEvaluate(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  var sources = SourceSet()
  _ = sources.add(path: "fuzz.credence", bytes: fuzzBytes(data, size))
  let checked = FrontEnd.check(sources)
  guard !checked.hasErrors, let policies = try? Policies.compile(checked) else { return 0 }
  let explain = size % 2 == 1
  guard let evaluator = try? Evaluator(policies, asOf: evaluationDate, explain: explain) else {
    preconditionFailure("an evaluator with every decision refused")
  }
  let names = Set(evaluator.decisionNames)
  for record in FixedLearners.records {
    let results = evaluator.evaluate(record)
    // A fund decided per enrolment has a result per enrolment: names, not counts, match.
    precondition(
      results.results.allSatisfy { names.contains($0.decision) }, "a result of no decision")
    for format in ResultFormat.allCases {
      var buffer: [UInt8] = []
      evaluator.writer(format).render(results, into: &buffer)
    }
  }
  _ = PolicyTesting.run(policies, today: evaluationDate)
  return 0
}

/// The program's entry point, handing the command line to libFuzzer (`runFuzzer`).
@_cdecl("FuzzEvaluate_main")
public func fuzzMain(
  _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> CInt {
  runFuzzer(argc, argv) { data, size in fuzzEvaluate(data, size) }
}
