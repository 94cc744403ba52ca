import CredenceRecords
import CredenceValues

/// A set of candidates that reaches the target and contains no smaller such set.
struct FoundPath {
  /// Catalogue positions, ascending.
  var members: [Int]
  /// What must turn out well (empty when certain).
  var conditions: [String]
  var key: PathwayRanking.Key
}

/// The exact search of one plan: sets by size, smallest first, each either evaluated or
/// excluded by a proof.
///
/// Why it is exact: a set that reaches the target and contains no smaller reaching set is
/// met after all its subsets (sizes ascend), so "contains a path found earlier" decides
/// minimality without evaluating subsets again. A set is skipped unevaluated only when it
/// contains a path (not minimal) or when a lower bound of its rank key is worse than the
/// K-th best found (its supersets' bounds are no better: costs, hours and credits are
/// counted as non-negative). With `fewest`, sizes stop once K paths are found: every later
/// set is larger, so ranks lower.
struct PathwaySearch {
  let planner: PathwayPlanner
  let learner: Learner
  let candidates: [Int]
  let acceptsConditional: Bool
  private(set) var found: [FoundPath] = []
  private(set) var nodes = 0
  private(set) var stoppedAtLimit = false
  /// Candidates that are paths on their own (never part of a larger path).
  private var single: Set<Int> = []
  /// The first rank value of the K-th best path, once K are found.
  private var kthPrimary: ExactDecimal?

  init(planner: PathwayPlanner, learner: Learner, candidates: [Int], acceptsConditional: Bool) {
    self.planner = planner
    self.learner = learner
    self.candidates = candidates
    self.acceptsConditional = acceptsConditional
  }

  var options: PathwayOptions { planner.options }

  mutating func run() {
    guard options.maximumSize >= 1 else { return }
    for size in 1...options.maximumSize {
      let pool = size == 1 ? candidates : candidates.filter { !single.contains($0) }
      guard pool.count >= size else { break }
      if !searchLevel(size, pool) { return }
      if options.objective == .fewest {
        if options.stopsAtSmallest ? !found.isEmpty : found.count >= options.limit { return }
      }
    }
  }

  /// Tries every set of `size` positions of `pool`; false when the node limit stopped it.
  private mutating func searchLevel(_ size: Int, _ pool: [Int]) -> Bool {
    var indices = Array(0..<size)
    let bounded = options.objective != .fewest
    while true {
      let members = indices.map { pool[$0] }
      if !containsFound(members) && !(bounded && boundExcludes(members)) {
        // A cancelled search ends as one at its limit: what was found stays true.
        if nodes >= options.searchNodes || options.cancellation?.isCancelled == true {
          stoppedAtLimit = true
          return false
        }
        nodes += 1
        switch planner.reach(members, learner) {
        case .achieved:
          record(members, conditions: [])
        case .conditional(let reasons) where acceptsConditional:
          record(members, conditions: reasons.isEmpty ? ["an unknown value"] : reasons)
        default:
          break
        }
      }
      // The next combination in lexicographic order.
      var position = size - 1
      while position >= 0 && indices[position] == pool.count - size + position { position -= 1 }
      if position < 0 { return true }
      indices[position] += 1
      for next in (position + 1)..<size { indices[next] = indices[next - 1] + 1 }
    }
  }

  private mutating func record(_ members: [Int], conditions: [String]) {
    if members.count == 1 { single.insert(members[0]) }
    let key = planner.rankKey(members, conditional: !conditions.isEmpty, learner: learner)
    found.append(FoundPath(members: members, conditions: conditions, key: key))
    if found.count >= options.limit, options.objective != .fewest {
      kthPrimary = PathwayRanking.primary(of: ranked()[options.limit - 1].key, options.objective)
    }
  }

  /// Whether a path found earlier is a subset of `members` (then `members` is not minimal).
  private func containsFound(_ members: [Int]) -> Bool {
    if members.count > 1, members.contains(where: single.contains) { return true }
    for path in found where path.members.count > 1 && path.members.count < members.count {
      if path.members.allSatisfy(members.contains) { return true }
    }
    return false
  }

  /// Whether a lower bound of the key of any path containing `members` ranks below the
  /// K-th best path found.
  private func boundExcludes(_ members: [Int]) -> Bool {
    guard let kthPrimary, let bound = planner.lowerBound(members, learner: learner) else {
      return false
    }
    return bound > kthPrimary
  }

  /// The paths found, best first.
  func ranked() -> [FoundPath] {
    found.sorted { PathwayRanking.precedes($0.key, $1.key, options.objective) }
  }
}
