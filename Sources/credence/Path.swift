import ArgumentParser
import Credence
import CredenceStore
import Foundation

extension PathwayObjective: ExpressibleByArgument {}

/// `credence path POLICIES --db DB --learner ID --to TARGET`: what a learner could take next.
struct Path: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "path",
    abstract: "List the best paths from a learner to a stack or an equivalence's credit goal.",
    discussion: """
      A path is a set of catalogue credentials that, each added as an award completed on the \
      planned date (--planned, default the evaluation date) with an assumed grade (--grade, \
      default the top grade of the target's scale), achieves the target, and no smaller part \
      of it does. Each credential shows the requirement it fills, its fee, what every \
      per-enrolment fund of the policies gives for an enrolment in it, and the net cost. The \
      search is exact within its limits and says so (docs/pathways.md).

      For a cohort, --all (or several --learner) with --within N: for each learner who has not \
      achieved the target, the size of the smallest path or "more than N", then, per \
      credential, how many learners it completes the target for alone and as part of a \
      smallest path.

      Exit status: 0 when every answer was given; 65 when the policies have errors or a \
      learner is not in the store; 64 for wrong options or an unusable target; 66 when a \
      path or the store does not exist; 74 on a read error.
      """
  )

  @Argument(help: "Policy files or folders (searched recursively for *.credence).")
  var paths: [String]

  @Option(help: "The learner-record store: a SQLite file or a postgres:// URL.")
  var db: String

  @Option(name: .customLong("learner"), help: "A learner (repeatable; several make a cohort).")
  var learners: [String] = []

  @Flag(help: "Every learner of the store, as a cohort (with --within).")
  var all = false

  @Option(help: ShardArgument.help)
  var shard: String?

  @Option(name: .customLong("to"), help: "The target: a stack, or an equivalence with --credits.")
  var target: String

  @Option(help: "For an equivalence: the credits it should grant.")
  var credits: String?

  @Option(name: .customLong("as-of"), help: "The evaluation date, YYYY-MM-DD (default: today).")
  var asOf: String?

  @Option(help: "When the new credentials are completed, YYYY-MM-DD (default: --as-of).")
  var planned: String?

  @Option(name: .customLong("by"), help: "Rank by fewest, cost, hours or credits.")
  var objective: PathwayObjective = .fewest

  @Option(help: "How many paths to list.")
  var limit: Int = PathwayLimits.defaultPathCount

  @Option(name: .customLong("max-size"), help: "The most credentials in a path (at most 6).")
  var maxSize: Int = PathwayLimits.defaultPathSize

  @Option(help: "The grade assumed on each new credential (default: the scale's top grade).")
  var grade: String?

  @Option(help: "For a cohort: how many credentials away to look (at most 6).")
  var within: Int?

  @Option(help: "Output format: table or json (a cohort also: csv).")
  var format: String = "table"

  /// Learners read from the store per batch in a cohort.
  static let batchSize = 256

  var isCohort: Bool { all || learners.count > 1 || within != nil }

  func validate() throws {
    if all && !learners.isEmpty {
      throw ValidationError("give either --learner or --all, not both")
    }
    if !all && learners.isEmpty {
      throw ValidationError("say whose paths to find: --learner ID, or --all with --within N")
    }
    try ShardArgument.validate(shard, all: all)
    for (name, date) in [("--as-of", asOf), ("--planned", planned)] {
      if let date, CivilDate(parsing: date) == nil {
        throw ValidationError("`\(date)` is not a date: write \(name) as YYYY-MM-DD")
      }
    }
    if let credits, ExactDecimal(parsing: credits) == nil {
      throw ValidationError("`\(credits)` is not a number of credits")
    }
    if !(1...PathwayLimits.maximumPathSize).contains(maxSize) {
      throw ValidationError("--max-size is from 1 to \(PathwayLimits.maximumPathSize)")
    }
    if let within, !(1...PathwayLimits.maximumPathSize).contains(within) {
      throw ValidationError("--within is from 1 to \(PathwayLimits.maximumPathSize)")
    }
    if limit < 1 { throw ValidationError("--limit is at least 1") }
    let formats = isCohort ? ["table", "json", "csv"] : ["table", "json"]
    if !formats.contains(format) {
      throw ValidationError(
        "--format is " + formats.joined(separator: ", ")
          + (isCohort ? "" : " (csv is for a cohort)"))
    }
  }

  func run() throws {
    let date = asOf.flatMap { CivilDate(parsing: $0) } ?? Eval.today()
    let policies = try PolicyLoading.load(paths)
    let goal = credits.flatMap { ExactDecimal(parsing: $0) }
    let chosen: PathwayTarget
    switch Pathways.target(named: target, credits: goal, in: policies) {
    case .success(let found): chosen = found
    case .failure(let error):
      Terminal.printError("error: " + error.message)
      throw ExitStatus.usage.exitCode
    }
    let grades = Pathways.grades(of: chosen, in: policies)
    if let grade, !grades.isEmpty, !grades.contains(grade) {
      Terminal.printError(
        "error: `\(grade)` is not a grade of the target's scale; its grades are "
          + grades.joined(separator: ", "))
      throw ExitStatus.usage.exitCode
    }
    var missing: [String] = []
    try DBSupport.run {
      let opened = try RecordStores.openForReading(db, readsFacts: policies.readsFacts)
      defer { opened.close() }
      let source = opened.source
      let catalogue = try source.catalogue()
      for code in catalogue.broken {
        Terminal.printError(
          "warning: the catalogue entry `\(code.escapingControlCharacters)` breaks the contract and is left out of the search"
        )
      }
      let plannedDate = planned.flatMap { CivilDate(parsing: $0) }
      if isCohort {
        let within = self.within ?? 2
        let options = PathwayCohort.options(
          within: within, grade: grade, plannedDate: plannedDate)
        let credentials = catalogue.credentials
        // One planner per thread: the cohort's own (for titles and named learners) and one
        // per worker of `--all`.
        let makePlanner: @Sendable () -> PathwayPlanner = {
          Pathways.planner(
            policies, asOf: date, target: chosen, catalogue: credentials, options: options)
        }
        missing = try runCohort(
          PathwayCohort(planner: makePlanner(), within: within), makePlanner, source)
        return
      }
      let planner = Pathways.planner(
        policies, asOf: date, target: chosen, catalogue: catalogue.credentials,
        options: PathwayOptions(
          objective: objective, limit: limit, maximumSize: maxSize, plannedDate: plannedDate,
          grade: grade))
      let id = learners[0]
      guard let record = try source.learner(id: LearnerID(id)) else {
        missing.append(id)
        return
      }
      guard case .valid(let learner) = record else {
        Terminal.printError(
          "error: the records of learner `\(id.escapingControlCharacters)` break the contract")
        throw ExitStatus.dataError.exitCode
      }
      let plan = planner.plan(for: learner)
      let heading = PathwayReport.Heading(
        learner: id, target: target, title: Pathways.title(of: chosen, in: policies), asOf: date,
        goal: goal)
      let text = PathwayReport.render(plan, heading, format: format == "json" ? .json : .table)
      Terminal.write(text)
    }
    let name = RecordStores.displayName(db)
    for id in missing {
      Terminal.printError("error: no learner `\(id.escapingControlCharacters)` in `\(name)`")
    }
    if !missing.isEmpty { throw ExitStatus.dataError.exitCode }
  }

  /// Streams the cohort: one row per learner who has not achieved the target, then the
  /// per-credential table. Returns the learners asked for by id and not found.
  private func runCohort(
    _ cohort: PathwayCohort, _ makePlanner: @escaping @Sendable () -> PathwayPlanner,
    _ source: any StoreRecordSource
  ) throws -> [String] {
    var output: [UInt8] = []
    func flush(force: Bool = false) {
      guard force || output.count > 1 << 16 else { return }
      Terminal.write(bytes: output)
      output.removeAll(keepingCapacity: true)
    }
    var first = true
    func emit(_ row: PathwayCohort.Row) {
      guard row.status != "achieved" else { return }
      switch format {
      case "csv": output += cohort.csv(row).utf8
      case "json":
        output += ((first ? "" : ",") + cohort.json(row)).utf8
        first = false
      default: output += cohort.line(row).utf8
      }
      flush()
    }
    switch format {
    case "csv": output += PathwayCohort.csvHeader.utf8
    case "json": output += "{\"learners\":[".utf8
    default: break
    }
    var missing: [String] = []
    if all {
      var bar: ProgressBar?
      if isatty(STDERR_FILENO) == 1 { bar = ProgressBar(total: try source.learnerCount()) }
      defer { bar?.finish() }
      // Planned on every core, handed out in learner-id order (PathwayCohortRun).
      // A shard is chosen by the store's query: other shards' rows are not even read.
      let learners: any RecordSource =
        shard.flatMap(LearnerShard.init(parsing:)).map { source.restricted(to: $0) } ?? source
      try PathwayCohortRun(makePlanner: makePlanner).run(learners, batchSize: Self.batchSize) {
        row in
        cohort.record(row)
        emit(row)
        if cohort.learners % Self.batchSize == 0 { bar?.update(done: cohort.learners) }
      }
      bar?.update(done: cohort.learners)
    } else {
      for id in learners {
        guard let record = try source.learner(id: LearnerID(id)) else {
          missing.append(id)
          continue
        }
        emit(cohort.add(record))
      }
    }
    switch format {
    case "csv": output += cohort.csvSummary().utf8
    case "json": output += cohort.jsonSummary().utf8
    default: output += ("\n" + cohort.tableSummary()).utf8
    }
    flush(force: true)
    return missing
  }
}
