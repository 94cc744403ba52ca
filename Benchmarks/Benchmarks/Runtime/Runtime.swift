import Benchmark
import BenchmarkInputs
import CredenceRuntime
import CredenceSemantics
import CredenceSyntax

// One learner through the compiled policy library, and the allocation engine on its own.
// Baselines in the same run: building the learner's view (what any evaluation pays before
// the first rule), and for allocation a bare count of the pool's codes in a set.
let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .throughput, .mallocCountTotal], scalingFactor: .kilo,
    maxDuration: .seconds(2), maxIterations: 10_000)

  let sources = PolicyText.library()
  let trees = sources.files.map { Parser.parse($0).syntax }
  guard let checked = Checker.check(trees).program else {
    fatalError("the policy library must check cleanly")
  }

  Benchmark("Compile the policy library", configuration: .init(scalingFactor: .one)) { _ in
    blackHole(CompiledProgram(checked, sources: sources).decisions.count)
  }

  let program = CompiledProgram(checked, sources: sources)
  let learner = SampleLearner.make()

  Benchmark("Baseline: build the learner's view") { benchmark in
    for _ in benchmark.scaledIterations { blackHole(SampleLearner.make().awards.count) }
  }

  Benchmark("Evaluate one learner, every decision (\(program.decisions.count))") { benchmark in
    let session = EvaluationSession(program: program, asOf: SampleLearner.asOf)
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations { blackHole(session.evaluate(learner).results.count) }
  }

  Benchmark("Evaluate one learner, every decision, explained") { benchmark in
    let session = EvaluationSession(
      program: program, asOf: SampleLearner.asOf, options: EvaluationOptions(explain: true))
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations { blackHole(session.evaluate(learner).results.count) }
  }

  for size in [8, 32] {
    let pool = AllocationInputs.pool(size: size)
    let requirement = AllocationInputs.requirement(size: size)

    Benchmark("Baseline: count the pool's codes, \(size) credentials") { benchmark in
      for _ in benchmark.scaledIterations { blackHole(Set(pool.map(\.code)).count) }
    }

    Benchmark("Allocation: decide, \(size) credentials") { benchmark in
      for _ in benchmark.scaledIterations {
        blackHole(Allocator.decide(requirement, pool: pool))
      }
    }

    Benchmark("Allocation: allocate and explain, \(size) credentials") { benchmark in
      for _ in benchmark.scaledIterations {
        blackHole(Allocator.allocate(requirement, pool: pool).searchNodes)
      }
    }
  }
}
