import Testing

@testable import CredenceValues

@Suite("Kleene three-valued logic")
struct TruthTests {
  /// Kleene's strong logic as numbers: false 0, unknown ½, true 1; and = min, or = max,
  /// not = 1 − x. An independent model to check the tables against.
  static func number(_ value: Truth) -> Double {
    switch value {
    case .false: 0
    case .unknown: 0.5
    case .true: 1
    }
  }

  static func truth(_ value: Double) -> Truth {
    value == 0 ? .false : (value == 1 ? .true : .unknown)
  }

  @Test("and, or and not agree with min, max and 1 − x on all nine pairs")
  func exhaustive() {
    for a in Truth.allCases {
      #expect(!a == Self.truth(1 - Self.number(a)))
      #expect(a.negated == !a)
      for b in Truth.allCases {
        #expect((a && b) == Self.truth(min(Self.number(a), Self.number(b))), "\(a) and \(b)")
        #expect((a || b) == Self.truth(max(Self.number(a), Self.number(b))), "\(a) or \(b)")
        #expect(a.and(b) == (a && b))
        #expect(a.or(b) == (a || b))
        // De Morgan holds in Kleene logic.
        #expect(!(a && b) == (!a || !b))
      }
    }
  }

  @Test("the cases language.md names")
  func namedCases() {
    #expect((Truth.false && .unknown) == .false)
    #expect((Truth.unknown && .false) == .false)
    #expect((Truth.true || .unknown) == .true)
    #expect((Truth.unknown || .true) == .true)
    #expect((Truth.true && .unknown) == .unknown)
    #expect((Truth.false || .unknown) == .unknown)
    #expect(!Truth.unknown == .unknown)
  }

  @Test("the right side is evaluated only when it can matter")
  func shortCircuit() {
    var evaluated = 0
    func probe(_ value: Truth) -> Truth {
      evaluated += 1
      return value
    }
    _ = Truth.false && probe(.true)
    _ = Truth.true || probe(.false)
    #expect(evaluated == 0)
    _ = Truth.unknown && probe(.false)
    _ = Truth.unknown || probe(.true)
    _ = Truth.true && probe(.true)
    #expect(evaluated == 3)
  }

  @Test("conversions from and to Bool")
  func conversions() {
    #expect(Truth(true) == .true)
    #expect(Truth(false) == .false)
    #expect(Truth(Bool?.none) == .unknown)
    #expect(Truth(Bool?.some(true)) == .true)
    #expect(Truth.unknown.boolValue == nil)
    #expect(Truth.false.boolValue == false)
    #expect(Truth.true.isTrue && !Truth.unknown.isTrue)
    #expect(Truth.allCases.map(\.description) == ["true", "false", "unknown"])
  }
}
