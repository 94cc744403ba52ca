/// The first award of each credential code in a pool, in pool order: it stands for every
/// award of that credential (a retaken course) when an equivalence counts credentials.
///
/// Pools are short (a learner's few awards), so the codes seen are searched linearly;
/// hashing each code into a dictionary built per learner was 2% of a batch's instructions.
/// Past ``linearLimit`` codes a dictionary takes over, so a long record stays linear.
struct FirstAwardByCode {
  /// Distinct codes searched linearly before a dictionary is built.
  static let linearLimit = 32

  private var few: [(code: String, award: Int)] = []
  private var many: [String: Int]?

  /// `pool` in order; `code` gives an award's credential code.
  init(_ pool: some Sequence<Int>, code: (Int) -> String) {
    for award in pool {
      let text = code(award)
      if var table = many {
        many = nil  // the table uniquely referenced while it grows
        if table[text] == nil { table[text] = award }
        many = table
        continue
      }
      guard !few.contains(where: { $0.code == text }) else { continue }
      few.append((text, award))
      if few.count > Self.linearLimit {
        many = Dictionary(few.map { ($0.code, $0.award) }, uniquingKeysWith: { first, _ in first })
      }
    }
  }

  /// The first award in `pool` of `award`'s code, found without building anything: a scan
  /// that stops at `award` itself, which is then the first (`award` when the pool has none).
  /// For pools of at most ``linearLimit`` awards.
  static func firstAward(
    of award: Int, in pool: some Sequence<Int>, code: (Int) -> String
  ) -> Int {
    let target = code(award)
    for candidate in pool where candidate == award || code(candidate) == target {
      return candidate
    }
    return award
  }

  /// The pool's first award of `code`, if the pool has one.
  func award(for code: String) -> Int? {
    if let many { return many[code] }
    return few.first(where: { $0.code == code })?.award
  }
}
