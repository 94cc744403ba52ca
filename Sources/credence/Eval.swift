import ArgumentParser
import Credence
import CredenceSample
import CredenceStore
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

  @Option(
    help: """
      The learner-record store: a SQLite file, or a PostgreSQL URL postgres://USER@HOST:PORT/DB \
      (the password from PGPASSWORD or ~/.pgpass; `postgres://` alone reads DATABASE_URL or \
      the PG* variables).
      """)
  var db: String?

  @Flag(
    help: """
      Use the bundled sample store instead of --db: generated once (1,000 learners, seed 1) \
      into $CREDENCE_CACHE_DIR, else $XDG_CACHE_HOME/credence, else ~/.cache/credence, and \
      reused after; --as-of defaults to the sample's date, 2026-06-30.
      """)
  var sample = false

  @Option(name: .customLong("learner"), help: "A learner to evaluate (repeatable).")
  var learners: [String] = []

  @Flag(help: "Evaluate every learner of the store, in learner-id order.")
  var all = false

  @Option(
    help: """
      With --all: evaluate shard K of N (0 <= K < N), the learners whose id hashes to K \
      (FNV-1a 64 of the id's UTF-8 bytes, mod N). N processes with K = 0 … N-1 evaluate \
      disjoint parts of the store; README.md says how their outputs merge.
      """)
  var shard: String?

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

  mutating func validate() throws {
    if sample && db != nil {
      throw ValidationError("give either --db or --sample, not both")
    }
    if !sample && db == nil {
      throw ValidationError(
        "say where the learners are: --db DB, or --sample for the bundled sample store")
    }
    // A learner named twice is evaluated once, where it is first named.
    var seen: Set<String> = []
    learners = learners.filter { seen.insert($0).inserted }
    if all && !learners.isEmpty {
      throw ValidationError("give either --learner or --all, not both")
    }
    if !all && learners.isEmpty {
      throw ValidationError("say which learners to evaluate: --learner ID (repeatable) or --all")
    }
    try ShardArgument.validate(shard, all: all)
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
    if let asOf, CivilDate(parsing: asOf) == nil {
      throw ValidationError("`\(asOf)` is not a date: write the evaluation date as YYYY-MM-DD")
    }
  }

  func run() throws {
    let date =
      asOf.flatMap { CivilDate(parsing: $0) } ?? (sample ? SampleCache.asOf : Self.today())
    let policies = try PolicyLoading.load(paths)
    let db = try sample ? Self.sampleStore() : self.db ?? ""
    let evaluator: Evaluator
    do {
      evaluator = try Evaluator(policies, asOf: date, decisions: decisions, explain: explain)
    } catch {
      Terminal.printError("error: " + error.message)
      throw ExitStatus.usage.exitCode
    }
    let stream = ResultStream(writer: evaluator.writer(format)) { bytes in
      Terminal.write(bytes: bytes)
    }
    var summary = EvaluationSummary()
    try DBSupport.run {
      let opened = try RecordStores.openForReading(
        db, parallelReads: all, readsFacts: policies.readsFacts)
      defer { opened.close() }
      let source = opened.source
      let shard = self.shard.flatMap(LearnerShard.init(parsing:))
      if whatIf {
        try answerWhatIf(evaluator, source, db: opened.name)
        return
      }
      // A stack not achieved names its cheapest completion, planned over the catalogue.
      if explain && !all { evaluator.completeStacks(over: try source.catalogue().credentials) }
      stream.begin()
      if all {
        // A progress line only for a person watching: never into pipes, files or logs.
        var bar: ProgressBar?
        if isatty(STDERR_FILENO) == 1 {
          let total = try source.learnerCount()
          // A shard's share of the learners, near enough for a progress bar.
          bar = ProgressBar(total: shard.map { (total + $0.count - 1) / $0.count } ?? total)
        }
        defer { bar?.finish() }
        var progress: (@Sendable (Int) -> Void)?
        if let bar { progress = { done in bar.update(done: done) } }
        // A shard is chosen by the store's query: other shards' rows are not even read.
        let learners: any RecordSource = shard.map { source.restricted(to: $0) } ?? source
        summary = try evaluator.evaluateAll(
          from: learners, batchSize: Self.batchSize, into: stream, progress: progress)
      } else {
        summary = try evaluator.evaluate(ids: learners, from: source, into: stream)
      }
      stream.end()
    }
    stream.flush()
    let name = RecordStores.displayName(db)
    for id in summary.missing {
      Terminal.printError("error: no learner `\(id.escapingControlCharacters)` in `\(name)`")
    }
    let errors = summary.withErrors
    if errors > 0 {
      Terminal.printError(
        "error: \(errors) learner\(errors == 1 ? " has" : "s have") decisions that could not "
          + "be made (status `error`); the other results are complete")
    }
    if errors > 0 || !summary.missing.isEmpty { throw ExitStatus.dataError.exitCode }
  }

  /// Evaluates the learner as recorded and with the hypothetical awards, and prints the
  /// decisions that change.
  /// The bundled sample store, written into the cache folder first when it is missing.
  static func sampleStore() throws -> String {
    guard let folder = SampleCache.folder(environment: ProcessInfo.processInfo.environment)
    else {
      Terminal.printError(
        "error: no cache folder for the sample store; set \(SampleCache.folderVariable)")
      throw ExitStatus.usage.exitCode
    }
    var path = ""
    try DBSupport.run {
      let store = try SampleCache.store(in: folder)
      path = store.path
      if store.created {
        Terminal.printError(
          "note: wrote the sample store to `\(store.path)` (once; later runs reuse it)")
      }
    }
    return path
  }

  private func answerWhatIf(
    _ evaluator: Evaluator, _ source: any StoreRecordSource, db: String
  ) throws {
    let awards = withAwards.compactMap(HypotheticalAward.init(parsing:))
    let answer: Evaluator.WhatIfAnswer
    do {
      answer = try evaluator.whatIf(learner: learners[0], adding: awards, from: source)
    } catch let failure as Evaluator.WhatIfFailure {
      switch failure {
      case .noLearner(let id):
        Terminal.printError("error: no learner `\(id.escapingControlCharacters)` in `\(db)`")
      case .invalidRecords(let id, let reasons):
        Terminal.printError(
          "error: the records of learner `\(id.escapingControlCharacters)` break the contract: "
            + reasons.joined(separator: "; "))
      case .records(let error):
        Terminal.printError("error: \(error.description)")
      }
      throw ExitStatus.dataError.exitCode
    }
    // Unknown codes are not noted here: their awards still count by code (as before).
    let report = WhatIfReport.render(
      answer.changes, learner: learners[0], awards: awards, unknownCodes: [], date: evaluator.asOf,
      format: format, explain: explain)
    Terminal.write(report)
  }

  /// Today in the local time zone (`TZ`, else the system's), read with `localtime_r`: the
  /// same date as Foundation's calendar, without loading its calendar and locale data at
  /// every start.
  static func today() -> CivilDate {
    var now = time(nil)
    var parts = tm()
    guard localtime_r(&now, &parts) != nil,
      let date = CivilDate(
        year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
    else { return .min }
    return date
  }
}
