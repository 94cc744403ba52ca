import CredenceValues

/// The balances of one learner's schemes computed so far (``Machine/balance(_:at:)``), found
/// by a linear search of their names.
///
/// A learner's policies read a handful of schemes, and their names are short: comparing them
/// costs a few instructions where hashing one into a dictionary cost as much as computing
/// most balances (a `batch2` worker spent 9 M instructions on 10,000 learners hashing).
/// Names compare as Swift strings (canonical equivalence, as dictionary keys did): comparing
/// their UTF-8 lengths first would tell a composed `é` from a decomposed one.
struct SchemeBalances: Sequence {
  typealias Balance = Result<Money, LedgerBalance.Problem>

  private var entries: [(scheme: String, balance: Balance)] = []

  var isEmpty: Bool { entries.isEmpty }

  /// The balance of `scheme` if it was computed; setting one replaces it.
  subscript(scheme: String) -> Balance? {
    get {
      for index in entries.indices where entries[index].scheme == scheme {
        return entries[index].balance
      }
      return nil
    }
    set {
      let found = entries.indices.first { entries[$0].scheme == scheme }
      switch (found, newValue) {
      case (let index?, let balance?): entries[index].balance = balance
      case (let index?, nil): entries.remove(at: index)
      case (nil, let balance?): entries.append((scheme, balance))
      case (nil, nil): break
      }
    }
  }

  mutating func removeAll(keepingCapacity: Bool) {
    entries.removeAll(keepingCapacity: keepingCapacity)
  }

  /// Every scheme and its balance, in the order they were first computed.
  func makeIterator() -> IndexingIterator<[(scheme: String, balance: Balance)]> {
    entries.makeIterator()
  }
}
