import ArgumentParser
import Credence
import CredenceStore
import Foundation

extension PolicyDiffReport.Format: ExpressibleByArgument {}

/// `credence diff OLD NEW --db DB --all`: who a change of the policies affects, and how.
struct Diff: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diff",
    abstract: "Compare how two versions of the policies decide every learner of a store.",
    discussion: """
      Both versions decide each learner in one pass over the records (on every core). The \
      table gives, per decision whose outcome changed for someone, how many learners changed, \
      the changes of status (from → to, counted per result: a per-enrolment fund counts \
      enrolments), the change in amounts and credits, the rules whose outcome changed most, \
      and two example learners with both explanations side by side. --format csv or json \
      lists every changed result, streamed (JSON ends with the same summary).

      OLD and NEW are policy files or folders, or REV:PATH for PATH as git revision REV has \
      it (read with `git show` in the current directory's repository), so \
      `credence diff HEAD~1:policies policies --db DB --all` shows what the last commit changes.

      Exit status: 0 when both versions decided everyone (changed or not); 65 when a version \
      has errors; 64 for wrong options; 66 when a path, revision or the store does not \
      exist; 74 on a read error.
      """
  )

  @Argument(help: "The policies before the change: a file, a folder, or REV:PATH.")
  var old: String

  @Argument(help: "The policies after the change: a file, a folder, or REV:PATH.")
  var new: String

  @Option(help: "The learner-record store: a SQLite file or a postgres:// URL.")
  var db: String

  @Flag(help: "Every learner of the store (required: a diff is over a cohort).")
  var all = false

  @Option(help: ShardArgument.help)
  var shard: String?

  @Option(name: .customLong("as-of"), help: "The evaluation date, YYYY-MM-DD (default: today).")
  var asOf: String?

  @Option(help: "Output format: table, csv or json.")
  var format: PolicyDiffReport.Format = .table

  /// Learners read from the store per batch.
  static let batchSize = 256

  func validate() throws {
    if !all { throw ValidationError("a diff is over every learner of the store: add --all") }
    try ShardArgument.validate(shard, all: all)
    if let asOf, CivilDate(parsing: asOf) == nil {
      throw ValidationError("`\(asOf)` is not a date: write --as-of as YYYY-MM-DD")
    }
  }

  func run() throws {
    let date = asOf.flatMap { CivilDate(parsing: $0) } ?? Eval.today()
    var scratch: [URL] = []
    defer { for folder in scratch { try? FileManager.default.removeItem(at: folder) } }
    let oldPolicies = try PolicyLoading.load([try Self.materialise(old, into: &scratch)])
    let newPolicies = try PolicyLoading.load([try Self.materialise(new, into: &scratch)])
    let diff = PolicyDiff()
    var output: [UInt8] = []
    func flush(force: Bool = false) {
      guard force || output.count > 1 << 16 else { return }
      Terminal.write(bytes: output)
      output.removeAll(keepingCapacity: true)
    }
    switch format {
    case .csv: output += PolicyDiffReport.csvHeader.utf8
    case .json: output += "{\"changes\":[".utf8
    case .table: break
    }
    var first = true
    try DBSupport.run {
      let opened = try RecordStores.openForReading(
        db, parallelReads: true, readsFacts: oldPolicies.readsFacts || newPolicies.readsFacts)
      defer { opened.close() }
      let source = opened.source
      // A shard is chosen by the store's query: other shards' rows are not even read.
      let learners: any RecordSource =
        shard.flatMap(LearnerShard.init(parsing:)).map { source.restricted(to: $0) } ?? source
      var bar: ProgressBar?
      if isatty(STDERR_FILENO) == 1 { bar = ProgressBar(total: try source.learnerCount()) }
      defer { bar?.finish() }
      let run = LearnerBatchRun<PolicyDiff.LearnerDiff>(makeWork: {
        let comparer = PolicyDiff.Comparer(old: oldPolicies, new: newPolicies, asOf: date)
        return { record in comparer.compare(record) }
      })
      try run.run(learners, batchSize: Self.batchSize) { learner in
        diff.record(learner)
        if !learner.changes.isEmpty {
          switch format {
          case .csv: output += PolicyDiffReport.csv(learner).utf8
          case .json:
            output += ((first ? "" : ",") + PolicyDiffReport.json(learner)).utf8
            first = false
          case .table: break
          }
          flush()
        }
        if diff.learners % Self.batchSize == 0 { bar?.update(done: diff.learners) }
      }
      bar?.update(done: diff.learners)
    }
    switch format {
    case .csv: break
    case .json: output += ("]," + PolicyDiffReport.jsonSummary(diff, asOf: date) + "}\n").utf8
    case .table: output += PolicyDiffReport.table(diff, asOf: date).utf8
    }
    flush(force: true)
  }

  /// The path to load for `argument`: itself when it exists; for `REV:PATH`, the `.credence`
  /// files under PATH at git revision REV, written into a scratch folder.
  static func materialise(_ argument: String, into scratch: inout [URL]) throws -> String {
    guard !FileManager.default.fileExists(atPath: argument),
      let colon = argument.firstIndex(of: ":"), colon != argument.startIndex
    else { return argument }
    let revision = String(argument[..<colon])
    let path = String(argument[argument.index(after: colon)...])
    let listing = try git(["ls-tree", "-r", "--name-only", "--full-name", revision, "--", path])
    guard listing.status == 0 else {
      Terminal.printError(
        "error: `\(argument)`: git cannot read `\(path)` at revision `\(revision)` here"
          + (listing.error.isEmpty ? "" : " (" + listing.error + ")"))
      throw ExitStatus.noInput.exitCode
    }
    let files = listing.output.split(separator: "\n").map(String.init)
      .filter { $0.hasSuffix(".credence") }
    guard !files.isEmpty else {
      Terminal.printError(
        "error: `\(argument)`: no .credence files under `\(path)` at `\(revision)`")
      throw ExitStatus.noInput.exitCode
    }
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("credence-diff-\(UUID().uuidString)")
    scratch.append(folder)
    for file in files {
      let shown = try git(["show", "\(revision):\(file)"])
      guard shown.status == 0 else {
        Terminal.printError("error: `\(revision):\(file)` could not be read: \(shown.error)")
        throw ExitStatus.ioError.exitCode
      }
      let target = folder.appendingPathComponent(file)
      try FileManager.default.createDirectory(
        at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(shown.output.utf8).write(to: target)
    }
    return folder.path
  }

  /// Runs git in the current directory.
  static func git(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git"] + arguments
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    do {
      try process.run()
    } catch {
      Terminal.printError("error: git could not be run to read a REV:PATH argument")
      throw ExitStatus.noInput.exitCode
    }
    let out = output.fileHandleForReading.readDataToEndOfFile()
    let err = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (
      process.terminationStatus, String(decoding: out, as: UTF8.self),
      String(decoding: err, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    )
  }
}
