import CredenceValues

/// The order of paths: by the objective, then a fixed chain of ties, ending with the codes,
/// so the order is total and the same on every run.
///
/// - fewest: size, certain before conditional, net cost, codes
/// - cost: net cost, certain before conditional, size, codes
/// - hours: hours, certain before conditional, size, net cost, codes
/// - credits: credits, certain before conditional, size, net cost, codes
///
/// An unknown value (a fee, hours or credits not in the catalogue, fees in several
/// currencies) ranks after every known one.
enum PathwayRanking {
  struct Key: Sendable, Hashable {
    var size: Int
    var conditional: Bool
    var cost: ExactDecimal?
    var hours: ExactDecimal?
    var credits: ExactDecimal?
    var codes: [String]
  }

  /// The value the objective ranks by first (nil when it is unknown or the size).
  static func primary(of key: Key, _ objective: PathwayObjective) -> ExactDecimal? {
    switch objective {
    case .fewest: ExactDecimal(key.size)
    case .cost: key.cost
    case .hours: key.hours
    case .credits: key.credits
    }
  }

  static func precedes(_ a: Key, _ b: Key, _ objective: PathwayObjective) -> Bool {
    func known(_ x: ExactDecimal?, _ y: ExactDecimal?) -> Bool? {
      switch (x, y) {
      case (let x?, let y?): x == y ? nil : x < y
      case (nil, nil): nil
      case (_?, nil): true
      case (nil, _?): false
      }
    }
    func size() -> Bool? { a.size == b.size ? nil : a.size < b.size }
    func certain() -> Bool? { a.conditional == b.conditional ? nil : !a.conditional }
    let chain: [() -> Bool?] =
      switch objective {
      case .fewest: [size, certain, { known(a.cost, b.cost) }]
      case .cost: [{ known(a.cost, b.cost) }, certain, size]
      case .hours: [{ known(a.hours, b.hours) }, certain, size, { known(a.cost, b.cost) }]
      case .credits: [{ known(a.credits, b.credits) }, certain, size, { known(a.cost, b.cost) }]
      }
    for step in chain { if let answer = step() { return answer } }
    return a.codes.lexicographicallyPrecedes(b.codes) { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }
}
