import BenchmarkInputs
import Credence
import CredenceRuntime
import CredenceSemantics
import CredenceSyntax
import Foundation

// A plain (synchronous) driver for profiling under valgrind:
//
//   frontend-profile check PATH…     what `credence check PATH…` does, output discarded
//   frontend-profile eval PATH…      load, check, compile, evaluate the sample learner
//   frontend-profile lex|parse|grow  one phase over the library grown to 1 MiB
let arguments = Array(CommandLine.arguments.dropFirst())
guard let phase = arguments.first else {
  FileHandle.standardError.write(Data("usage: frontend-profile check|eval|lex|parse PATH…\n".utf8))
  exit(64)
}
let paths = Array(arguments.dropFirst())

switch phase {
case "check":
  guard let result = try? FrontEnd.check(paths: paths) else { exit(66) }
  let output = DiagnosticRenderer(format: .human).render(
    result.diagnostics, sources: result.sources, omittedErrors: result.omittedErrors)
  print(output.utf8.count, result.errorCount, result.warningCount)
case "eval":
  guard let result = try? FrontEnd.check(paths: paths), let program = Evaluation.compile(result)
  else { exit(65) }
  let session = EvaluationSession(program: program, asOf: SampleLearner.asOf)
  print(session.evaluate(SampleLearner.make()).results.count)
case "lex":
  let sources = PolicyText.grown()
  print(sources.files.reduce(0) { $0 + Lexer.lex($1).tokens.count })
case "parse":
  let sources = PolicyText.grown()
  print(sources.files.reduce(0) { $0 + Parser.parse($1).syntax.declarations.count })
case "grow":
  print(PolicyText.size(PolicyText.grown()))
default:
  exit(64)
}
