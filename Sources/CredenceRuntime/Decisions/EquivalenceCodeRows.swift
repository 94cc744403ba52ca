/// The `code` rows of an equivalence table, built once when the program is compiled: in a
/// long table each pool award finds the rows naming its credential by one look-up, and rows
/// no pool award names are never read (comparing every row of a 40-row table with every pool
/// award cost more than the rest of the decision). A short table is scanned row by row:
/// comparing a few short codes costs less than hashing each pool award's code.
struct EquivalenceCodeRows: Sendable {
  /// Most `code` rows scanned row by row; past it pool awards look their rows up.
  static let scanLimit = 4

  /// The `code` rows, in row order, with their codes.
  private let rows: [(row: Int, code: String)]
  /// The indices of the `code` rows naming each code, ascending; nil for a short table.
  private let rowsByCode: [String: [Int]]?
  /// Whether each row is a `code` row, by row index.
  let isCodeRow: [Bool]

  /// `codes` holds each row's code, nil for a row of another kind (`all of`, `each`).
  init(codes: [String?]) {
    rows = codes.enumerated().compactMap { row, code in code.map { (row, $0) } }
    if rows.count > Self.scanLimit {
      var rowsByCode: [String: [Int]] = [:]
      for (row, code) in rows { rowsByCode[code, default: []].append(row) }
      self.rowsByCode = rowsByCode
    } else {
      rowsByCode = nil
    }
    isCodeRow = codes.map { $0 != nil }
  }

  /// Every (row, pool position) whose credential code the row names, in row order and then
  /// pool order: the order a scan of each row over the whole pool finds them. `code` gives
  /// the credential code at a pool position.
  func matches(poolCount: Int, code: (Int) -> String) -> [(row: Int, position: Int)] {
    var matches: [(row: Int, position: Int)] = []
    guard let rowsByCode else {
      for (row, rowCode) in rows {
        for position in 0..<poolCount where code(position) == rowCode {
          matches.append((row, position))
        }
      }
      return matches
    }
    for position in 0..<poolCount {
      guard let rows = rowsByCode[code(position)] else { continue }
      for row in rows { matches.append((row, position)) }
    }
    // By row, then position (the pair whole: `sort` is not promised to be stable).
    if matches.count > 1 { matches.sort { ($0.row, $0.position) < ($1.row, $1.position) } }
    return matches
  }
}
