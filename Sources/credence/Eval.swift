import ArgumentParser
import Credence
import CredenceRecords
import CredenceRuntime
import CredenceStore
import CredenceSyntax
import CredenceValues
import Foundation

extension ResultFormat: ExpressibleByArgument {}

/// `credence eval POLICIES --db DB (--learner ID… | --all)`: decide and explain.
struct Eval: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "eval",
    abstract: "Evaluate policies against learner records, with explanations on request.",
    discussion: """
      Every decision of the policies (or those named with --decision) is made for each \
      learner, on the evaluation date (--as-of, default today). A learner whose records break \
      the contract gets `error` results naming the rows, and the batch goes on.

      --what-if, for one learner: add hypothetical awards (--with-award CODE[:DATE[:GRADE]], \
      the date defaulting to the evaluation date) and show which decisions change.

      Exit status: 0 when every decision was made; 65 when the policies have errors, a \
      learner is not in the store, or some decision is `error` (all other results are \
      still printed); 64 for wrong options; 66 when a path or the store does not exist; \
      74 on a read error.
      """
  )

  @Argument(help: "Policy files or folders (searched recursively for *.credence).")
  var paths: [String]

  @Option(help: "The learner-record store (SQLite).")
  var db: String

  @Option(name: .customLong("learner"), help: "A learner to evaluate (repeatable).")
  var learners: [String] = []

  @Flag(help: "Evaluate every learner of the store, in learner-id order.")
  var all = false

  @Option(name: .customLong("as-of"), help: "The evaluation date, YYYY-MM-DD (default: today).")
  var asOf: String?

  @Option(name: .customLong("decision"), help: "Report only this decision (repeatable).")
  var decisions: [String] = []

  @Flag(help: "Explain every decision: the conditions, values and awards that decided it.")
  var explain = false

  @Option(help: "Output format: table, json, ndjson or csv.")
  var format: ResultFormat = .table

  @Flag(name: .customLong("what-if"), help: "For one learner: show what the added awards change.")
  var whatIf = false

  @Option(
    name: .customLong("with-award"),
    help: "A hypothetical award for --what-if: CODE[:DATE[:GRADE]] (repeatable).")
  var withAwards: [String] = []

  /// Learners read from the store per batch.
  static let batchSize = 512

  func validate() throws {
    if all && !learners.isEmpty {
      throw ValidationError("give either --learner or --all, not both")
    }
    if !all && learners.isEmpty {
      throw ValidationError("say which learners to evaluate: --learner ID (repeatable) or --all")
    }
    if whatIf {
      if learners.count != 1 || all {
        throw ValidationError("--what-if evaluates one learner: give exactly one --learner")
      }
      if withAwards.isEmpty {
        throw ValidationError("--what-if needs at least one --with-award CODE[:DATE[:GRADE]]")
      }
    } else if !withAwards.isEmpty {
      throw ValidationError("--with-award is for --what-if questions; add --what-if")
    }
    for award in withAwards where HypotheticalAward(parsing: award) == nil {
      throw ValidationError(
        "`\(award)` is not CODE[:DATE[:GRADE]] with a date written YYYY-MM-DD")
    }
    if let asOf, CredenceValues.CivilDate(parsing: asOf) == nil {
      throw ValidationError("`\(asOf)` is not a date: write the evaluation date as YYYY-MM-DD")
    }
  }

  func run() throws {
    let date = asOf.flatMap { CredenceValues.CivilDate(parsing: $0) } ?? Self.today()
    let program = try loadProgram()
    // The process ends right after the results are written: the OS reclaims the program.
    ExitCleanup.skipFreeing(program)
    let selected = Evaluation.decisions(named: decisions, in: program)
    if let name = selected.unknown.first {
      var message = "no decision named `\(name)` in these policies"
      if let suggestion = Evaluation.suggestion(for: name, in: program) {
        message += "; did you mean `\(suggestion)`?"
      }
      Terminal.printError("error: " + message)
      throw ExitStatus.usage.exitCode
    }
    let options = EvaluationOptions(explain: explain)
    let chosen = decisions.isEmpty ? nil : selected.found
    let session = EvaluationSession(
      program: program, asOf: date, decisions: chosen, options: options)
    let writer = ResultWriter(
      format: format, explain: explain,
      decisions: session.decisions.map { program.name(of: $0) })
    let stream = ResultStream(writer: writer) { bytes in
      FileHandle.standardOutput.write(Data(bytes))
    }
    var errors = 0
    var missing: [String] = []
    try DBSupport.run {
      let store = try RecordStore.openForReading(at: db, parallelReads: all)
      defer { try? store.close() }
      let source = SQLiteRecordSource(store: store, readsFacts: program.declaresFacts)
      if whatIf {
        try answerWhatIf(session, source, date, stream)
        return
      }
      stream.begin()
      if all {
        let batch = BatchEvaluation(
          program: program, asOf: date, decisions: chosen, options: options, writer: writer)
        // A progress line only for a person watching: never into pipes, files or logs.
        var bar: ProgressBar?
        if isatty(STDERR_FILENO) == 1 { bar = ProgressBar(total: try source.learnerCount()) }
        defer { bar?.finish() }
        var progress: (@Sendable (Int) -> Void)?
        if let bar { progress = { done in bar.update(done: done) } }
        errors = try batch.run(
          source, batchSize: Self.batchSize, into: stream, progress: progress
        ).withErrors
      } else {
        for id in learners {
          guard let record = try source.learner(id: LearnerID(id)) else {
            missing.append(id)
            continue
          }
          let results = session.evaluate(record)
          if results.results.contains(where: { $0.status == .error }) { errors += 1 }
          stream.emit(results)
        }
      }
      stream.end()
    }
    stream.flush()
    for id in missing { Terminal.printError("error: no learner `\(id)` in `\(db)`") }
    if errors > 0 {
      Terminal.printError(
        "error: \(errors) learner\(errors == 1 ? " has" : "s have") decisions that could not "
          + "be made (status `error`); the other results are complete")
    }
    if errors > 0 || !missing.isEmpty { throw ExitStatus.dataError.exitCode }
  }

  /// Loads and checks the policies, their tests left out (checking them is `credence
  /// check`'s and `credence test`'s: docs/decisions.md); errors go to standard error.
  private func loadProgram() throws -> CompiledProgram {
    let result: CheckResult
    do {
      result = try FrontEnd.check(paths: paths, scope: .withoutTests)
    } catch {
      let status: ExitStatus =
        switch error {
        case .noSuchPath, .noPolicyFiles: .noInput
        case .unreadable: .ioError
        }
      Terminal.printError("error[\(error.code)]: \(error.message)")
      throw status.exitCode
    }
    // Kept, not freed node by node, when the process is about to end (see `ExitCleanup`).
    ExitCleanup.skipFreeing(result)
    guard !result.hasErrors, let program = Evaluation.compile(result) else {
      let renderer = DiagnosticRenderer(format: .human, colour: false)
      let errors = result.diagnostics.filter(\.isError)
      FileHandle.standardError.write(
        Data(
          renderer.render(errors, sources: result.sources, omittedErrors: result.omittedErrors)
            .utf8))
      Terminal.printError(
        "error: the policies have errors; fix them first (`credence check` lists them)")
      throw ExitStatus.dataError.exitCode
    }
    return program
  }

  /// Evaluates the learner as recorded and with the hypothetical awards, and prints the
  /// decisions that change.
  private func answerWhatIf(
    _ session: EvaluationSession, _ source: SQLiteRecordSource, _ date: CredenceValues.CivilDate,
    _ stream: ResultStream
  ) throws {
    let id = learners[0]
    guard let record = try source.learner(id: LearnerID(id)) else {
      Terminal.printError("error: no learner `\(id)` in `\(db)`")
      throw ExitStatus.dataError.exitCode
    }
    guard case .valid(let learner) = record else {
      let results = session.evaluate(record)
      Terminal.printError(
        "error: the records of learner `\(id)` break the contract: "
          + (results.results.first?.reasons.joined(separator: "; ") ?? ""))
      throw ExitStatus.dataError.exitCode
    }
    let awards = withAwards.compactMap(HypotheticalAward.init(parsing:))
    let changed: Learner
    do {
      changed = try WhatIf.adding(awards, to: learner, on: date) { try source.credential(code: $0) }
    } catch let error as RecordError {
      Terminal.printError("error: \(error.description)")
      throw ExitStatus.dataError.exitCode
    }
    let before = session.evaluate(learner)
    let after = session.evaluate(changed)
    let changes = WhatIf.changes(before: before, after: after)
    let report = WhatIfReport.render(
      changes, learner: id, awards: awards, unknownCodes: [], date: date, format: format,
      explain: explain)
    FileHandle.standardOutput.write(Data(report.utf8))
  }

  /// Today in the local time zone (`TZ`, else the system's), read with `localtime_r`: the
  /// same date as Foundation's calendar, without loading its calendar and locale data at
  /// every start.
  static func today() -> CredenceValues.CivilDate {
    var now = time(nil)
    var parts = tm()
    guard localtime_r(&now, &parts) != nil,
      let date = CredenceValues.CivilDate(
        year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
    else { return .min }
    return date
  }
}
