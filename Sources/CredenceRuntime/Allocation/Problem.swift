import CredenceValues

/// How the search reads unknown values: as the worst case (unknown credits are 0, unknown
/// conditions false) or the best case (unknown credits cover any total, conditions true).
///
/// Requirement trees are monotone, so the tree can be satisfied for every value of the
/// unknowns exactly when it can be under the pessimistic reading, and for some value exactly
/// when it can be under the optimistic one.
enum Reading: Int {
  case pessimistic = 0
  case optimistic = 1

  var isOptimistic: Bool { self == .optimistic }
}

/// The allocation problem in the form the search works on: items indexed in order of
/// preference, credits as fixed-point integers, the tree flattened in pre-order.
///
/// Item order is preference order: every choice the search makes between otherwise equal
/// items (which to match, which to give back, which to add to a total) goes to the lower
/// index. It is (rank, code), with credits first (largest first) when the stack has a credit
/// total, so that claims reach the total with the fewest awards.
///
/// A class so that the search and the facts share one copy without retaining every array.
final class Problem {
  /// Item codes, in preference order; an item's index is its position here.
  var codes: [String]
  /// Item indices in code order, for lookup by code.
  var byCode: [Int]
  var awardIDs: [[String]]
  var creditKnown: [Bool]
  /// Fixed-point credits under the pessimistic reading (unknown credits are 0).
  var pessimisticCredits: [Int64]
  /// Fixed-point credits under the optimistic reading (unknown credits cover any total).
  var optimisticCredits: [Int64]
  /// Decimals of the fixed-point credits.
  var scale: Int
  /// Whether the item is certainly in the pool (else it is there only under the optimistic
  /// reading).
  var certainlyInPool: [Bool]
  /// Whether a nested stack keeps the item (no claim may take it).
  var heldByNested: [Bool]
  /// Nodes in pre-order; `nodes[0]` is the root.
  var nodes: [Node]
  /// Leaves in pre-order.
  var leaves: [Leaf]
  /// Whether some unknown value could change an answer.
  var hasUnknowns: Bool

  var itemCount: Int { codes.count }

  init(
    codes: [String], byCode: [Int], awardIDs: [[String]], creditKnown: [Bool],
    pessimisticCredits: [Int64], scale: Int, certainlyInPool: [Bool], nodes: [Node]
  ) {
    self.codes = codes
    self.byCode = byCode
    self.awardIDs = awardIDs
    self.creditKnown = creditKnown
    self.pessimisticCredits = pessimisticCredits
    self.optimisticCredits = pessimisticCredits
    self.scale = scale
    self.certainlyInPool = certainlyInPool
    self.heldByNested = [Bool](repeating: false, count: codes.count)
    self.nodes = nodes
    self.leaves = []
    self.hasUnknowns = false
  }

  /// The index of `code`, by binary search over the codes in code order.
  func index(of code: String) -> Int? {
    var low = 0
    var high = byCode.count
    while low < high {
      let mid = (low + high) / 2
      if codes[byCode[mid]] < code { low = mid + 1 } else { high = mid }
    }
    return low < byCode.count && codes[byCode[low]] == code ? byCode[low] : nil
  }

  /// Codes of `items`, in code order.
  func sortedCodes(_ items: [Int]) -> [String] {
    items.map { codes[$0] }.sorted()
  }
}

/// A requirement: a group (`leaf < 0`) needing `need` of its children, or a leaf.
struct Node {
  var leaf: Int
  var need: Int
  var children: [Int]
}

/// A leaf requirement (a class, so the search reads it without retaining each array).
final class Leaf {
  enum Kind {
    /// Claims items: a code list or a count or credit total with `where`.
    case pick
    /// A nested stack, keeping its items.
    case nested
    /// A total over everything the stack uses; claims nothing.
    case total
    case condition
  }

  var kind: Kind
  var node: Int
  /// Pick: the items it may take under the optimistic reading. Nested: the items the nested
  /// stack keeps. Total: every item. In preference order.
  var items: [Int]
  /// The items it may take under the pessimistic reading (those certainly eligible and
  /// certainly in the pool), in preference order.
  var certainItems: [Int]
  /// Distinct credentials needed (pick, total).
  var minCount: Int
  /// Fixed-point credits needed; 0 when the leaf does not sum credits (pick, total).
  var minCredits: Int64
  /// Nested stacks and conditions.
  var truth: Truth
  /// For code lists: the listed codes, sorted and distinct (the shortfall's candidates).
  var listedCodes: [String]?
  /// Pick: every possibly eligible item, including those a nested stack keeps (the
  /// shortfall's candidates when there is no code list).
  var eligible: [Int]
  /// Credits of the items it may take, per reading.
  var totalCredits: [Int64]

  init(
    kind: Kind, node: Int, items: [Int], certainItems: [Int], minCount: Int,
    minCredits: Int64, truth: Truth, listedCodes: [String]?
  ) {
    self.kind = kind
    self.node = node
    self.items = items
    self.certainItems = certainItems
    self.minCount = minCount
    self.minCredits = minCredits
    self.truth = truth
    self.listedCodes = listedCodes
    self.eligible = items
    self.totalCredits = [0, 0]
  }

  var consumes: Bool { kind == .pick || kind == .nested }
  var sumsCredits: Bool { minCredits > 0 }

  /// The items the leaf may take under `reading`.
  @inline(__always) func items(_ reading: Reading) -> [Int] {
    reading == .pessimistic ? certainItems : items
  }

  /// Whether the leaf could hold with every item it may take, ignoring the others.
  func holdsAlone(_ reading: Reading) -> Bool {
    switch kind {
    case .pick, .total:
      items(reading).count >= minCount && totalCredits[reading.rawValue] >= minCredits
    case .nested, .condition:
      truth.holds(optimistic: reading.isOptimistic)
    }
  }

  /// Whether the leaf needs nothing at all under `reading`.
  func isFree(_ reading: Reading) -> Bool {
    switch kind {
    case .pick, .total: minCount <= 0 && minCredits <= 0
    case .nested: false
    case .condition: truth.holds(optimistic: reading.isOptimistic)
    }
  }
}

/// A set of leaves, as two machine words (``AllocationLimits/maximumRequirements`` is 128).
struct LeafMask: Hashable {
  var low: UInt64 = 0
  var high: UInt64 = 0

  static let empty = LeafMask()

  func contains(_ leaf: Int) -> Bool {
    leaf < 64 ? low & (1 << UInt64(leaf)) != 0 : high & (1 << UInt64(leaf - 64)) != 0
  }

  mutating func insert(_ leaf: Int) {
    if leaf < 64 { low |= 1 << UInt64(leaf) } else { high |= 1 << UInt64(leaf - 64) }
  }

  mutating func remove(_ leaf: Int) {
    if leaf < 64 { low &= ~(1 << UInt64(leaf)) } else { high &= ~(1 << UInt64(leaf - 64)) }
  }

  var count: Int { low.nonzeroBitCount + high.nonzeroBitCount }

  /// The members in increasing order.
  var members: [Int] {
    var result: [Int] = []
    result.reserveCapacity(count)
    var word = low
    while word != 0 {
      result.append(word.trailingZeroBitCount)
      word &= word - 1
    }
    word = high
    while word != 0 {
      result.append(64 + word.trailingZeroBitCount)
      word &= word - 1
    }
    return result
  }
}
