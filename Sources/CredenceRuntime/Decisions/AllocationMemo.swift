import CredenceValues

/// Stack allocations kept for a run, by the shape of their input.
///
/// An allocation depends on the requirements and on each pool item's code, credits,
/// membership and rank *order*; award ids are only carried through to the report, and ranks
/// (award days) are only compared. So learners whose pools have the same shape (the same
/// credentials, in the same order of first award) share one search: the memo keeps the
/// allocation computed with placeholder award ids and puts each learner's own ids in. Most
/// learners hold few of a stack's credentials, so a few thousand shapes cover most of a
/// population.
final class AllocationMemo {
  /// The most shapes kept per machine. Once full, further shapes are computed each time
  /// (not kept), so memory stays bounded whatever the number of learners.
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
    var requirements: [Requirement]
    var items: [ItemShape]
  }

  private var entries: [Key: Allocation] = [:]

  /// How many shapes are kept.
  var count: Int { entries.count }

  /// The allocation of `items` to `requirements` (all of them), computed by `allocate` on a
  /// placeholder pool the first time a shape is seen.
  func allocation(
    stack: Int, _ requirements: [Requirement], _ items: [AllocationItem],
    allocate: (Requirement, [AllocationItem]) -> Allocation
  ) -> Allocation {
    let ranks = Array(Set(items.map(\.rank))).sorted()
    let key = Key(
      stack: stack, requirements: requirements,
      items: items.map { item in
        ItemShape(
          code: item.code, credits: item.credits, creditsScale: item.credits?.scale ?? -1,
          inPool: item.inPool, awards: item.awardIDs.count,
          rankOrder: ranks.firstIndex(of: item.rank) ?? 0)
      })
    let ids = items.flatMap(\.awardIDs)
    if let cached = entries[key] { return Self.withAwardIDs(cached, ids) }
    // Placeholder ids name the position of each award in `ids`.
    var next = 0
    let placeholders = items.enumerated().map { index, item in
      var shaped = item
      shaped.rank = key.items[index].rankOrder
      shaped.awardIDs = item.awardIDs.map { _ in
        defer { next += 1 }
        return Self.placeholder(next)
      }
      return shaped
    }
    let computed = allocate(.allOf(requirements), placeholders)
    if entries.count < Self.maximumEntries { entries[key] = computed }
    return Self.withAwardIDs(computed, ids)
  }

  /// Placeholder `index`: a character no stored id starts with, then the position.
  private static func placeholder(_ index: Int) -> String { "\u{0}\(index)" }

  /// `allocation` with every placeholder replaced by the id it stands for.
  private static func withAwardIDs(_ allocation: Allocation, _ ids: [String]) -> Allocation {
    var result = allocation
    result.root = withAwardIDs(allocation.root, ids)
    return result
  }

  private static func withAwardIDs(_ outcome: RequirementOutcome, _ ids: [String])
    -> RequirementOutcome
  {
    var result = outcome
    if !outcome.awardIDs.isEmpty {
      result.awardIDs = outcome.awardIDs.map { id in
        guard id.utf8.first == 0, let index = Int(id.dropFirst()), ids.indices.contains(index)
        else { return id }
        return ids[index]
      }
    }
    if !outcome.children.isEmpty {
      result.children = outcome.children.map { withAwardIDs($0, ids) }
    }
    return result
  }
}
