import CredenceValues
import Synchronization

/// Stack allocations kept for a run, by the shape of their input.
///
/// An allocation depends on the requirements and on each pool item's code, credits,
/// membership and rank *order*; award ids are only carried through to the report, and ranks
/// (award days) are only compared; when no requirement names a code, codes too matter only by
/// their order. So learners whose pools have the same shape (the same credits and
/// memberships, in the same order of codes and of first awards) share one search: the memo
/// keeps the allocation computed with placeholder ids (and codes) and puts each learner's own
/// in. Most learners hold few of a stack's credentials, so a few thousand shapes cover most of
/// a population.
///
/// One memo per compiled program, shared by every session and thread that evaluates it (the
/// workers of `eval --all` find the same shapes): a shape's allocation depends on nothing
/// else but the search's node limit, which is part of the key. Look-ups and insertions take a
/// lock; searches run outside it.
final class AllocationMemo: Sendable {
  /// The most shapes kept. Once full, further shapes are computed each time (not kept), so
  /// memory stays bounded whatever the number of learners.
  static let maximumEntries = 8_192

  /// One pool item without its award ids and with its rank replaced by its rank's position
  /// among the pool's ranks.
  private struct ItemShape: Hashable {
    var code: String
    var credits: ExactDecimal?
    /// The scale of `credits`, which equality of decimals ignores and reports show.
    var creditsScale: Int
    var inPool: Truth
    var awards: Int
    var rankOrder: Int
  }

  private struct Key: Hashable {
    var stack: Int
    /// The search's node limit (sessions may set their own).
    var nodeLimit: Int
    var requirements: [Requirement]
    var items: [ItemShape]
  }

  private let entries = Mutex<[Key: Allocation]>([:])

  /// How many shapes are kept.
  var count: Int { entries.withLock { $0.count } }

  /// The allocation of `items` to `requirements` (all of them), computed by `allocate` on a
  /// placeholder pool the first time a shape is seen.
  func allocation(
    stack: Int, nodeLimit: Int = 0, _ requirements: [Requirement], _ items: [AllocationItem],
    allocate: (Requirement, [AllocationItem]) -> Allocation
  ) -> Allocation {
    let ranks = Self.sortedUnique(items.map(\.rank))
    // When no requirement lists codes of its own, codes matter only by their order and
    // equality, so they are replaced by placeholders in the same order, in the items and in
    // the requirements' eligible codes alike (learners holding different credentials of the
    // same credits share a shape).
    var codes: [String] = []
    if requirements.allSatisfy(Self.listsNoCode) {
      var all = items.map(\.code)
      for requirement in requirements { Self.collectCodes(requirement, into: &all) }
      codes = Self.sortedUnique(all)
    }
    // Pools are small: a linear search beats building a dictionary per learner.
    func shapeCode(_ code: String) -> String {
      guard !codes.isEmpty, let index = codes.firstIndex(of: code) else { return code }
      return Self.placeholder(index)
    }
    let shapedRequirements =
      codes.isEmpty ? requirements : requirements.map { Self.shaped($0, shapeCode) }
    let key = Key(
      stack: stack, nodeLimit: nodeLimit, requirements: shapedRequirements,
      items: items.map { item in
        ItemShape(
          code: shapeCode(item.code), credits: item.credits,
          creditsScale: item.credits?.scale ?? -1, inPool: item.inPool,
          awards: item.awardIDs.count, rankOrder: ranks.firstIndex(of: item.rank) ?? 0)
      })
    let ids = items.flatMap(\.awardIDs)
    if let cached = entries.withLock({ $0[key] }) { return Self.restored(cached, ids, codes) }
    // Placeholder ids name the position of each award in `ids`.
    var next = 0
    let placeholders = items.enumerated().map { index, item in
      var shaped = item
      shaped.code = key.items[index].code
      shaped.rank = key.items[index].rankOrder
      shaped.awardIDs = item.awardIDs.map { _ in
        defer { next += 1 }
        return Self.placeholder(next)
      }
      return shaped
    }
    let computed = allocate(.allOf(shapedRequirements), placeholders)
    entries.withLock { entries in
      if entries.count < Self.maximumEntries { entries[key] = computed }
    }
    return Self.restored(computed, ids, codes)
  }

  /// Whether a requirement (and everything under it) lists no credential code of its own:
  /// the codes it names, if any, are the learner's (eligible codes, a nested stack's).
  private static func listsNoCode(_ requirement: Requirement) -> Bool {
    switch requirement {
    case .allOf(let children), .anyOf(let children), .atLeast(_, of: let children):
      children.allSatisfy(listsNoCode)
    case .totalCredentials, .totalCredits, .condition, .credentials, .credits, .selection,
      .nestedStack:
      true
    case .codes: false
    }
  }

  /// Adds every code a requirement names to `codes`.
  private static func collectCodes(_ requirement: Requirement, into codes: inout [String]) {
    switch requirement {
    case .allOf(let children), .anyOf(let children), .atLeast(_, of: let children):
      for child in children { collectCodes(child, into: &codes) }
    case .credentials(_, let among), .credits(_, let among), .selection(_, _, let among):
      codes += among.certain
      codes += among.uncertain
    case .nestedStack(_, let items): codes += items
    case .codes(_, let listed): codes += listed
    case .totalCredentials, .totalCredits, .condition: break
    }
  }

  /// The requirement with every code replaced by `shape(code)`.
  private static func shaped(_ requirement: Requirement, _ shape: (String) -> String)
    -> Requirement
  {
    func eligible(_ codes: EligibleCodes) -> EligibleCodes {
      EligibleCodes(codes.certain.map(shape), uncertain: codes.uncertain.map(shape))
    }
    switch requirement {
    case .allOf(let children): return .allOf(children.map { shaped($0, shape) })
    case .anyOf(let children): return .anyOf(children.map { shaped($0, shape) })
    case .atLeast(let k, let children): return .atLeast(k, of: children.map { shaped($0, shape) })
    case .codes(let k, let listed): return .codes(atLeast: k, of: listed.map(shape))
    case .credentials(let n, let among): return .credentials(n, among: eligible(among))
    case .credits(let amount, let among): return .credits(amount, among: eligible(among))
    case .selection(let count, let credits, let among):
      return .selection(count: count, credits: credits, among: eligible(among))
    case .nestedStack(let achieved, let items):
      return .nestedStack(achieved: achieved, items: items.map(shape))
    case .totalCredentials, .totalCredits, .condition: return requirement
    }
  }

  /// The values sorted, each once (without hashing: pools are small).
  private static func sortedUnique<T: Comparable>(_ values: [T]) -> [T] {
    var sorted = values.sorted()
    guard sorted.count > 1 else { return sorted }
    var kept = 1
    for index in 1..<sorted.count where sorted[index] != sorted[kept - 1] {
      sorted[kept] = sorted[index]
      kept += 1
    }
    sorted.removeSubrange(kept...)
    return sorted
  }

  /// Placeholder `index`: a character no stored id or code starts with, then the position,
  /// zero-padded so placeholders sort in the order of their positions.
  private static func placeholder(_ index: Int) -> String {
    var bytes: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 48, 48, 48, 48, 48, 48)
    let digits = String(index).utf8
    guard digits.count <= 6 else { return "\u{0}" + String(index) }
    withUnsafeMutableBytes(of: &bytes) { buffer in
      for (offset, digit) in digits.enumerated() { buffer[7 - digits.count + offset] = digit }
    }
    return withUnsafeBytes(of: bytes) { String(decoding: $0, as: UTF8.self) }
  }

  /// The real value of a placeholder among `values`, or `text` itself.
  private static func real(_ text: String, _ values: [String]) -> String {
    let utf8 = text.utf8
    guard utf8.first == 0, utf8.count > 1 else { return text }
    // The digits after the NUL, read without making a substring.
    var index = 0
    for byte in utf8.dropFirst() {
      guard byte >= 48, byte <= 57, index < Int.max / 10 - 9 else { return text }
      index = index * 10 + Int(byte - 48)
    }
    return values.indices.contains(index) ? values[index] : text
  }

  /// `allocation` with every placeholder id and code replaced by what it stands for.
  private static func restored(_ allocation: Allocation, _ ids: [String], _ codes: [String])
    -> Allocation
  {
    var result = allocation
    result.root = restored(allocation.root, ids, codes)
    if !codes.isEmpty { result.usedCodes = allocation.usedCodes.map { real($0, codes) } }
    return result
  }

  private static func restored(
    _ outcome: RequirementOutcome, _ ids: [String], _ codes: [String]
  ) -> RequirementOutcome {
    var result = outcome
    if !outcome.awardIDs.isEmpty { result.awardIDs = outcome.awardIDs.map { real($0, ids) } }
    if !codes.isEmpty {
      if !outcome.codes.isEmpty { result.codes = outcome.codes.map { real($0, codes) } }
      if !outcome.unknownCreditCodes.isEmpty {
        result.unknownCreditCodes = outcome.unknownCreditCodes.map { real($0, codes) }
      }
      if var shortfall = outcome.shortfall {
        shortfall.candidates = shortfall.candidates.map { real($0, codes) }
        shortfall.usedElsewhere = shortfall.usedElsewhere.map { real($0, codes) }
        result.shortfall = shortfall
      }
    }
    if !outcome.children.isEmpty {
      result.children = outcome.children.map { restored($0, ids, codes) }
    }
    return result
  }
}
