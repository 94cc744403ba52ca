import Benchmark
import BenchmarkInputs
import CredenceSemantics
import CredenceSyntax

// Front-end throughput on the policy library (25 files, ~150 kB) and on the library grown to
// 1 MiB (175 files, renamed copies). Each input has a baseline in the same run: a pass that
// only reads every byte (counting newlines), so "lex ÷ scan" says what tokenising costs over
// touching the text at all.
let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
    maxDuration: .seconds(2), maxIterations: 1_000)

  let inputs: [(name: String, sources: SourceSet)] = [
    ("library", PolicyText.library()), ("1 MiB", PolicyText.grown(toBytes: 1_048_576)),
  ]
  for (name, sources) in inputs {
    let kilobytes = PolicyText.size(sources) / 1024

    Benchmark("Baseline: scan bytes, \(name) (\(kilobytes) kB)") { benchmark in
      for file in sources.files {
        var lines = 0
        for byte in file.bytes where byte == 0x0A { lines += 1 }
        blackHole(lines)
      }
    }

    Benchmark("Lex, \(name) (\(kilobytes) kB)") { benchmark in
      for file in sources.files { blackHole(Lexer.lex(file).tokens.count) }
    }

    Benchmark("Lex + parse, \(name) (\(kilobytes) kB)") { benchmark in
      for file in sources.files { blackHole(Parser.parse(file).syntax.declarations.count) }
    }

    let trees = sources.files.map { Parser.parse($0).syntax }
    Benchmark("Check (trees given), \(name) (\(kilobytes) kB)") { benchmark in
      let outcome = Checker.check(trees)
      precondition(!outcome.hasErrors, "the benchmark input must check cleanly")
      blackHole(outcome.program?.stacks.count)
    }

    Benchmark("Lex + parse + check, \(name) (\(kilobytes) kB)") { benchmark in
      let trees = sources.files.map { Parser.parse($0).syntax }
      blackHole(Checker.check(trees).program?.stacks.count)
    }
  }
}
