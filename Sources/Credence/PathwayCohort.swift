import CredenceRecords
import CredenceRuntime
import CredenceValues

/// The cohort question (`credence path --all --within N`): for every learner who has not
/// achieved the target, the size of the smallest path (or "more than N"); over the cohort,
/// for each credential, how many learners it completes the target for on its own and as
/// part of a smallest path. Learners are taken one at a time, so memory does not grow with
/// the cohort: what is kept is one tally per catalogue credential.
public final class PathwayCohort {
  /// One learner's answer.
  public struct Row: Sendable, Hashable {
    public var learner: String
    /// `achieved`, `path`, `beyond` (no path within the bound), `not in effect` or `error`.
    public var status: String
    /// The size of the smallest path, when one is within the bound.
    public var smallest: Int?
    /// How many smallest paths there are.
    public var paths: Int
    /// The credentials of the smallest paths, each once, in code order.
    public var credentials: [String]
  }

  /// One credential over the cohort.
  public struct Tally: Sendable, Hashable {
    public var code: String
    public var title: String?
    /// Learners for whom this credential alone completes the target.
    public var alone: Int
    /// Learners for whom it is part of at least one smallest path.
    public var inSmallest: Int
  }

  public let planner: PathwayPlanner
  public let within: Int
  private var tallies: [String: Tally] = [:]
  public private(set) var learners = 0
  public private(set) var achieved = 0
  public private(set) var bySize: [Int]
  public private(set) var beyond = 0
  public private(set) var errors = 0

  /// `planner` must have been made with ``options(within:)``.
  public init(planner: PathwayPlanner, within: Int) {
    self.planner = planner
    self.within = within
    bySize = Array(repeating: 0, count: within + 1)
  }

  /// The options of a cohort planner: every smallest path, sizes up to `within`, no money.
  public static func options(within: Int, grade: String?, plannedDate: CivilDate?)
    -> PathwayOptions
  {
    PathwayOptions(
      objective: .fewest, limit: Int.max, maximumSize: within, plannedDate: plannedDate,
      grade: grade, describesPaths: false)
  }

  /// Plans for one learner and adds the answer to the tallies.
  public func add(_ record: LearnerRecord) -> Row {
    let row = Self.row(for: record, planner: planner)
    self.record(row)
    return row
  }

  /// One learner's answer, planned with `planner` (one per thread; made with
  /// ``options(within:grade:plannedDate:)``). Touches no tally, so workers may call it.
  public static func row(for record: LearnerRecord, planner: PathwayPlanner) -> Row {
    guard case .valid(let learner) = record else {
      return Row(
        learner: record.id.text, status: "error", smallest: nil, paths: 0, credentials: [])
    }
    let plan = planner.plan(for: learner)
    var row = Row(learner: learner.id.text, status: "", smallest: nil, paths: 0, credentials: [])
    switch plan.status {
    case .alreadyAchieved: row.status = "achieved"
    case .notInEffect: row.status = "not in effect"
    case .error: row.status = "error"
    case .notFound: row.status = "beyond"
    case .found:
      row.status = "path"
      row.smallest = plan.paths[0].steps.count
      row.paths = plan.paths.count
      var codes: Set<String> = []
      for path in plan.paths { codes.formUnion(path.codes) }
      row.credentials = codes.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
    return row
  }

  /// Adds one learner's answer to the counts and the per-credential tallies.
  public func record(_ row: Row) {
    learners += 1
    switch row.status {
    case "achieved": achieved += 1
    case "error": errors += 1
    case "beyond": beyond += 1
    case "path":
      let size = row.smallest ?? 0
      if bySize.indices.contains(size) { bySize[size] += 1 }
      for code in row.credentials {
        tallies[code, default: Tally(code: code, title: title(code), alone: 0, inSmallest: 0)]
          .inSmallest += 1
        if size == 1 { tallies[code]?.alone += 1 }
      }
    default: break
    }
  }

  private func title(_ code: String) -> String? {
    planner.catalogue.first { $0.code == code }?.title
  }

  /// The credentials, those in most smallest paths first (then by code).
  public var credentialTallies: [Tally] {
    tallies.values.sorted {
      $0.inSmallest != $1.inSmallest
        ? $0.inSmallest > $1.inSmallest
        : $0.alone != $1.alone
          ? $0.alone > $1.alone : $0.code.utf8.lexicographicallyPrecedes($1.code.utf8)
    }
  }

  // MARK: Output

  public static let csvHeader = "learner,status,smallest_path,paths,credentials\n"

  public func csv(_ row: Row) -> String {
    [
      row.learner, row.status,
      row.smallest.map(String.init) ?? (row.status == "beyond" ? "more than \(within)" : ""),
      row.status == "path" ? String(row.paths) : "", row.credentials.joined(separator: " "),
    ].map(ResultWriter.csvField).joined(separator: ",") + "\n"
  }

  /// The per-credential table, after a blank line (CSV's second section).
  public func csvSummary() -> String {
    var text = "\ncredential,title,completes_alone,in_a_smallest_path\n"
    for tally in credentialTallies {
      text +=
        [tally.code, tally.title ?? "", String(tally.alone), String(tally.inSmallest)]
        .map(ResultWriter.csvField).joined(separator: ",") + "\n"
    }
    return text
  }

  public func json(_ row: Row) -> String {
    "{\"learner\":\(ResultWriter.json(row.learner)),\"status\":\(ResultWriter.json(row.status)),"
      + "\"smallest_path\":\(row.smallest.map(String.init) ?? "null"),\"paths\":\(row.paths),"
      + "\"credentials\":\(ResultWriter.json(row.credentials))}"
  }

  /// The end of the JSON document: the counts and the per-credential table.
  public func jsonSummary() -> String {
    let sizes = (1...max(1, within)).map {
      "\"\($0)\":\(bySize.indices.contains($0) ? bySize[$0] : 0)"
    }
    let credentials = credentialTallies.map { tally in
      "{\"code\":\(ResultWriter.json(tally.code)),"
        + "\"title\":\(tally.title.map(ResultWriter.json) ?? "null"),"
        + "\"completes_alone\":\(tally.alone),\"in_a_smallest_path\":\(tally.inSmallest)}"
    }
    return "],\"within\":\(within),\"learners_read\":\(learners),\"achieved\":\(achieved),"
      + "\"smallest_path_sizes\":{\(sizes.joined(separator: ","))},"
      + "\"beyond\":\(beyond),\"errors\":\(errors),"
      + "\"credentials\":[\(credentials.joined(separator: ","))]}\n"
  }

  /// One learner's line for a person (the table format), ids and codes escaped as in every
  /// table: they come from the store as they are.
  public func line(_ row: Row) -> String {
    let learner = row.learner.escapingControlCharacters
    switch row.status {
    case "path":
      let credentials = row.credentials.map(\.escapingControlCharacters).joined(separator: ", ")
      return "\(learner): \(row.smallest ?? 0) away (\(row.paths) smallest path"
        + "\(row.paths == 1 ? "" : "s"): \(credentials))\n"
    case "beyond": return "\(learner): more than \(within) away\n"
    default: return "\(learner): \(row.status)\n"
    }
  }

  /// Summary lines for a person (the table format).
  public func tableSummary() -> String {
    var text = "\(learners) learners: \(achieved) already achieved"
    for size in 1...max(1, within) where bySize.indices.contains(size) {
      text += ", \(bySize[size]) \(size) credential\(size == 1 ? "" : "s") away"
    }
    text += ", \(beyond) more than \(within) away"
    if errors > 0 { text += ", \(errors) with errors" }
    text += "\n\ncredential   completes alone   in a smallest path   title\n"
    for tally in credentialTallies {
      text +=
        tally.code.escapingControlCharacters.rightPad(12)
        + " " + String(tally.alone).leftPad(15) + "   " + String(tally.inSmallest).leftPad(18)
        + "   " + (tally.title ?? "").escapingControlCharacters + "\n"
    }
    return text
  }
}

extension String {
  fileprivate func rightPad(_ width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }

  fileprivate func leftPad(_ width: Int) -> String {
    count >= width ? self : String(repeating: " ", count: width - count) + self
  }
}
