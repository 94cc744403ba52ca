extension ExactDecimal {
  /// Most decimals a number shows in full where people read it (explanations, tables).
  public static let readableDecimals = 6

  /// The value as people read it in explanations and tables (docs/decisions.md "Readable
  /// numbers"): in full when it has at most ``readableDecimals`` decimals (`1250.00`, `0.125`),
  /// otherwise, as a quotient that does not terminate (`13 / 3`), cut after three decimals,
  /// or after its third significant digit when smaller, and marked with `…`:
  /// `4.333333333333333333` reads `4.333…`, `0.000012345678` reads `0.0000123…`. Cutting (not
  /// rounding) means every digit shown is a digit of the value. JSON and CSV keep
  /// ``description``, the exact value.
  public var readable: String {
    let text = description
    guard normalized.scale > Self.readableDecimals,
      let point = text.utf8.firstIndex(of: UInt8(ascii: "."))
    else { return text }
    let integer = text[text.startIndex..<point].filter(\.isNumber)
    let fraction = text[text.index(after: point)...]
    var kept = 3
    if integer.allSatisfy({ $0 == "0" }) {
      kept = max(kept, fraction.prefix { $0 == "0" }.count + 3)
    }
    guard kept < fraction.count else { return text }
    return String(text[..<text.index(after: point)]) + fraction.prefix(kept) + "…"
  }
}

extension Money {
  /// The amount as people read it (``ExactDecimal/readable``) and the currency: `33.333… SGD`.
  public var readable: String { "\(amount.readable) \(currency)" }
}

extension Percent {
  /// The percentage as people read it (``ExactDecimal/readable``): `33.333…%`.
  public var readable: String { "\(value.readable)%" }
}
