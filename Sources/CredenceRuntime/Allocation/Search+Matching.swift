import CredenceValues

extension Search {
  /// Gives each leaf in `demands` up to its demanded number of items it may take under
  /// `reading`, among the items no leaf is fixed to (`owner == -1`), maximising the total:
  /// a b-matching by shortest augmenting paths (breadth-first, so no deep recursion).
  ///
  /// Results land in `matchOwner` (reset here). Returns the total shortfall (0 when every
  /// demand is met), or `nil` when the node budget ran out. With `stopAtFirstShortfall` it
  /// returns as soon as one unit cannot be placed (enough to answer "feasible?").
  func match(
    _ demands: [(leaf: Int, count: Int)], _ reading: Reading, stopAtFirstShortfall: Bool
  ) -> Int? {
    for index in matchOwner.indices { matchOwner[index] = -1 }
    var shortfall = 0
    for (leaf, count) in demands where count > 0 {
      for placed in 0..<count {
        guard tick() else { return nil }
        if !augment(from: leaf, reading) {
          shortfall += count - placed
          if stopAtFirstShortfall { return shortfall }
          break
        }
      }
    }
    return shortfall
  }

  /// Finds one more item for `root` along an augmenting path; `false` if there is none.
  private func augment(from root: Int, _ reading: Reading) -> Bool {
    stamp += 1
    queue.removeAll(keepingCapacity: true)
    queue.append(root)
    leafStamp[root] = stamp
    var head = 0
    var found = -1
    search: while head < queue.count {
      let leaf = queue[head]
      head += 1
      for item in problem.leaves[leaf].items(reading)
      where owner[item] == -1 && itemStamp[item] != stamp {
        itemStamp[item] = stamp
        parentLeaf[item] = leaf
        let holder = matchOwner[item]
        if holder == -1 {
          found = item
          break search
        }
        if leafStamp[holder] != stamp {
          leafStamp[holder] = stamp
          viaItem[holder] = item
          queue.append(holder)
        }
      }
    }
    guard found >= 0 else { return false }
    // Flip the path: each leaf on it takes the next item and gives up the one it was reached by.
    var item = found
    while true {
      let leaf = parentLeaf[item]
      let released = leaf == root ? -1 : viaItem[leaf]
      matchOwner[item] = leaf
      if leaf == root { break }
      item = released
    }
    return true
  }
}
