import CredenceSyntax

extension Printer {
  /// Extra spaces before tokens so that aligned columns line up.
  ///
  /// A candidate takes part when it sits alone on its line (it starts the line and ends
  /// it); the candidates of one run that do align at the rightmost natural column among
  /// them, and the others are left as they are. Examples tables align every column when
  /// each row is on one line.
  func alignmentPadding(natural: Layout) -> [Int] {
    var padding = Array(repeating: 0, count: tokens.count)

    // The padding given so far on each line, and the rightmost token it went to: groups
    // meet a line left to right (an examples table's bars column by column), so a token
    // right of every padded one moves by the line's whole padding.
    var linePadding: [Int: (total: Int, rightmost: Int)] = [:]

    /// The column of `index` once the padding given so far on its line is applied.
    func effectiveColumn(_ index: Int) -> Int {
      let line = lineOf[index]
      guard let given = linePadding[line] else { return natural.column[index] }
      if index >= given.rightmost { return natural.column[index] + given.total }
      var column = natural.column[index]
      for member in lines[line] where member <= index { column += padding[member] }
      return column
    }

    func align(_ group: [Int]) {
      guard group.count > 1 else { return }
      let columns = group.map(effectiveColumn)
      let target = columns.max() ?? 0
      for (index, column) in zip(group, columns) where column < target {
        padding[index] += target - column
        let line = lineOf[index]
        let given = linePadding[line] ?? (0, index)
        linePadding[line] = (given.total + target - column, max(given.rightmost, index))
      }
    }

    func isAlone(_ candidate: AlignmentCandidate) -> Bool {
      let line = lineOf[candidate.first]
      return line >= 0 && startsLine(candidate.first) && lineOf[candidate.last] == line
        && lineOf[candidate.aligned] == line && !startsLine(candidate.aligned)
        && endsLine(candidate.last)
    }

    for run in notes.alignmentRuns {
      align(run.filter(isAlone).map(\.aligned))
    }

    for table in notes.tables {
      let wellFormed = table.allSatisfy { row in
        guard let first = row.first, let last = row.last else { return false }
        return startsLine(first) && endsLine(last) && row.allSatisfy { lineOf[$0] == lineOf[first] }
      }
      guard wellFormed else { continue }
      let columns = table.map(\.count).max() ?? 0
      for column in 1..<max(1, columns) {
        align(table.compactMap { $0.count > column ? $0[column] : nil })
      }
    }
    return padding
  }
}
