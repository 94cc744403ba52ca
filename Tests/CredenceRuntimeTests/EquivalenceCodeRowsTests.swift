import CredenceTestSupport
import Testing

@testable import CredenceRuntime

/// The `code` rows each pool award matches, scanned in short tables and looked up in long
/// ones, against the plain scan: every row in order, compared with every pool award in order.
@Suite struct EquivalenceCodeRowsTests {
  /// Codes drawn from a small alphabet so that rows repeat codes and pools retake them;
  /// the two spellings of "é" are equal as Swift strings and must match each other.
  static let alphabet = ["A1", "B2", "C3", "D4", "E5", "caf\u{E9}", "cafe\u{301}", ""]

  @Test func agreesWithScanningEveryRowOverThePool() {
    var random = SplitMix64(seed: 17)
    var tablesLookedUp = 0
    for round in 0..<600 {
      // Short tables and tables of up to 45 rows, about one in four not a `code` row (nil).
      let rowCount = Int(random.next() % (round.isMultiple(of: 2) ? 8 : 46))
      let rows: [String?] = (0..<rowCount).map { _ in
        random.next() % 4 == 0 ? nil : Self.alphabet.randomElement(using: &random)!
      }
      let pool = (0..<Int(random.next() % 14)).map { _ in
        Self.alphabet.randomElement(using: &random)!
      }
      var expected: [(row: Int, position: Int)] = []
      for (row, code) in rows.enumerated() {
        guard let code else { continue }
        for (position, award) in pool.enumerated() where award == code {
          expected.append((row, position))
        }
      }
      let table = EquivalenceCodeRows(codes: rows)
      if rows.count(where: { $0 != nil }) > EquivalenceCodeRows.scanLimit { tablesLookedUp += 1 }
      let found = table.matches(poolCount: pool.count) { pool[$0] }
      #expect(found.map(\.row) == expected.map(\.row), "rows \(rows), pool \(pool)")
      #expect(found.map(\.position) == expected.map(\.position), "rows \(rows), pool \(pool)")
      #expect(table.isCodeRow == rows.map { $0 != nil })
    }
    // Both sides of the limit were tried.
    #expect((100..<500).contains(tablesLookedUp))
  }
}
