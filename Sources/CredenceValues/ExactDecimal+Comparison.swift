extension ExactDecimal: Comparable, Hashable {
  /// Orders two values by their numeric value, whatever their scales.
  public func compared(to other: ExactDecimal) -> ValueOrder {
    if scale == other.scale { return Self.order(significand, other.significand) }
    let selfSign = significand.signum()
    let otherSign = other.significand.signum()
    if selfSign != otherSign { return Self.order(selfSign, otherSign) }
    if selfSign == 0 { return .equal }
    // Same sign, different scales: compare magnitudes at the larger scale. Scaling the
    // one with fewer decimals up can exceed 128 bits; if it does, it is the larger one.
    let selfMagnitude = significand.magnitude
    let otherMagnitude = other.significand.magnitude
    let magnitudeOrder: ValueOrder
    if scale < other.scale {
      let (scaled, overflow) = selfMagnitude.multipliedReportingOverflow(
        by: powerOfTen(other.scale - scale))
      magnitudeOrder = overflow ? .greater : Self.order(scaled, otherMagnitude)
    } else {
      let (scaled, overflow) = otherMagnitude.multipliedReportingOverflow(
        by: powerOfTen(scale - other.scale))
      magnitudeOrder = overflow ? .less : Self.order(selfMagnitude, scaled)
    }
    guard selfSign < 0 else { return magnitudeOrder }
    switch magnitudeOrder {
    case .less: return .greater
    case .equal: return .equal
    case .greater: return .less
    }
  }

  @inline(__always)
  static func order<T: Comparable>(_ left: T, _ right: T) -> ValueOrder {
    left < right ? .less : (left == right ? .equal : .greater)
  }

  public static func == (left: ExactDecimal, right: ExactDecimal) -> Bool {
    left.compared(to: right) == .equal
  }

  public static func < (left: ExactDecimal, right: ExactDecimal) -> Bool {
    left.compared(to: right) == .less
  }

  /// Hashes the normalized value, so that equal values at different scales hash alike.
  public func hash(into hasher: inout Hasher) {
    let canonical = normalized
    hasher.combine(canonical.significand)
    hasher.combine(canonical.storedScale)
  }
}
