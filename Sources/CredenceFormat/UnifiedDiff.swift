/// A unified diff between two texts, as `diff -u` prints it, for `credence fmt --diff`.
public enum UnifiedDiff {
  /// Lines of unchanged context around each change.
  public static let contextLines = 3

  /// The most edit steps (lines deleted plus lines added) the diff searches for a shortest
  /// edit script. Formatting changes a few lines per declaration; beyond this many (a file
  /// rewritten wholesale) the part of the file that differs is shown as one replaced block,
  /// still a correct diff, and the search stays within milliseconds and a few megabytes
  /// (it keeps about steps² / 2 integers).
  public static let maximumEditSteps = 1_000

  /// One step of an edit script.
  enum Edit: Equatable {
    case keep(old: Int, new: Int)
    case delete(old: Int)
    case insert(new: Int)
  }

  /// The unified diff turning `old` into `new`, with `oldName` and `newName` in the
  /// header; empty when the texts are equal.
  public static func diff(old: String, new: String, oldName: String, newName: String) -> String {
    guard old != new else { return "" }
    let a = lines(old)
    let b = lines(new)
    let edits = editScript(a, b)
    var output = "--- \(oldName)\n+++ \(newName)\n"
    for hunk in hunks(edits) {
      output += header(hunk, edits: edits)
      for edit in edits[hunk] {
        switch edit {
        case .keep(let old, _): output += line(" ", a[old])
        case .delete(let old): output += line("-", a[old])
        case .insert(let new): output += line("+", b[new])
        }
      }
    }
    return output
  }

  /// A line and how it ends: a line that differs only in that is a change, as in `diff -u`
  /// (a CRLF file formatted to LF changes every line).
  struct Line: Equatable {
    var text: Substring
    var ending: Ending
  }

  /// How a line ends. LF, CRLF and a lone CR each end a line, as in the lexer and the line
  /// table; the last line of a file may have no ending.
  enum Ending: Equatable {
    case lf, crlf, cr, none
  }

  static func lines(_ text: String) -> [Line] {
    let utf8 = text.utf8
    var lines: [Line] = []
    var start = utf8.startIndex
    var index = start
    while index < utf8.endIndex {
      let byte = utf8[index]
      guard byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") else {
        index = utf8.index(after: index)
        continue
      }
      var next = utf8.index(after: index)
      var ending = byte == UInt8(ascii: "\n") ? Ending.lf : .cr
      if ending == .cr, next < utf8.endIndex, utf8[next] == UInt8(ascii: "\n") {
        next = utf8.index(after: next)
        ending = .crlf
      }
      lines.append(Line(text: text[start..<index], ending: ending))
      start = next
      index = next
    }
    if start < utf8.endIndex { lines.append(Line(text: text[start...], ending: .none)) }
    return lines
  }

  /// A diff line: CRLF lines keep their CR, as `diff -u` prints them (so `patch` applies
  /// the diff to the file as it is); a lone CR, which would break the diff's own lines, and
  /// LF print as LF.
  static func line(_ marker: String, _ line: Line) -> String {
    switch line.ending {
    case .lf, .cr: marker + line.text + "\n"
    case .crlf: marker + line.text + "\r\n"
    case .none: marker + line.text + "\n\\ No newline at end of file\n"
    }
  }

  /// A shortest edit script (Myers' O(ND) algorithm) after trimming the common prefix and
  /// suffix; past `maximumEditSteps`, the differing middle is replaced as one block.
  static func editScript<Element: Equatable>(_ a: [Element], _ b: [Element]) -> [Edit] {
    func same(_ i: Int, _ j: Int) -> Bool { a[i] == b[j] }
    var prefix = 0
    while prefix < a.count, prefix < b.count, same(prefix, prefix) { prefix += 1 }
    var suffix = 0
    while suffix < a.count - prefix, suffix < b.count - prefix,
      same(a.count - 1 - suffix, b.count - 1 - suffix)
    {
      suffix += 1
    }
    let n = a.count - prefix - suffix
    let m = b.count - prefix - suffix
    var middle =
      shortestMiddle(n, m) { same(prefix + $0, prefix + $1) }
      ?? (0..<n).map { Edit.delete(old: $0) } + (0..<m).map { Edit.insert(new: $0) }
    middle = middle.map { edit in
      switch edit {
      case .keep(let old, let new): .keep(old: old + prefix, new: new + prefix)
      case .delete(let old): .delete(old: old + prefix)
      case .insert(let new): .insert(new: new + prefix)
      }
    }
    return (0..<prefix).map { Edit.keep(old: $0, new: $0) } + middle
      + (0..<suffix).map { Edit.keep(old: a.count - suffix + $0, new: b.count - suffix + $0) }
  }

  /// Myers' algorithm over sequences of lengths `n` and `m`; nil past the step limit.
  static func shortestMiddle(_ n: Int, _ m: Int, equal: (Int, Int) -> Bool) -> [Edit]? {
    if n == 0 || m == 0 {
      return (0..<n).map { Edit.delete(old: $0) } + (0..<m).map { Edit.insert(new: $0) }
    }
    let maximum = min(n + m, maximumEditSteps)
    let offset = maximum + 1
    var frontier = Array(repeating: 0, count: 2 * maximum + 3)
    // trace[d] holds the furthest x on each diagonal k in -(d-1)...(d-1) before step d.
    var trace: [[Int]] = []
    var found = false
    search: for d in 0...maximum {
      trace.append(d == 0 ? [] : Array(frontier[(offset - d + 1)...(offset + d - 1)]))
      for k in stride(from: -d, through: d, by: 2) {
        var x: Int
        if k == -d || (k != d && frontier[offset + k - 1] < frontier[offset + k + 1]) {
          x = frontier[offset + k + 1]
        } else {
          x = frontier[offset + k - 1] + 1
        }
        var y = x - k
        while x < n, y < m, equal(x, y) {
          x += 1
          y += 1
        }
        frontier[offset + k] = x
        if x >= n, y >= m {
          found = true
          break search
        }
      }
    }
    guard found else { return nil }
    // Walk back through the saved frontiers.
    var edits: [Edit] = []
    var x = n
    var y = m
    for d in stride(from: trace.count - 1, through: 0, by: -1) {
      let saved = trace[d]
      func furthest(_ k: Int) -> Int { saved[k + d - 1] }
      let k = x - y
      let previousK: Int
      if k == -d || (k != d && furthest(k - 1) < furthest(k + 1)) {
        previousK = k + 1
      } else {
        previousK = k - 1
      }
      let previousX = d == 0 ? 0 : furthest(previousK)
      let previousY = previousX - previousK
      while x > previousX, y > previousY {
        x -= 1
        y -= 1
        edits.append(.keep(old: x, new: y))
      }
      if d > 0 {
        if x == previousX {
          edits.append(.insert(new: previousY))
        } else {
          edits.append(.delete(old: previousX))
        }
      }
      x = previousX
      y = previousY
    }
    return edits.reversed()
  }

  /// The ranges of `edits` shown as hunks: each change with `contextLines` around it,
  /// hunks closer than twice that merged.
  static func hunks(_ edits: [Edit]) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    for (index, edit) in edits.enumerated() {
      if case .keep = edit { continue }
      let start = max(0, index - contextLines)
      let end = min(edits.count, index + contextLines + 1)
      if let last = ranges.last, start <= last.upperBound {
        ranges[ranges.count - 1] = last.lowerBound..<max(last.upperBound, end)
      } else {
        ranges.append(start..<end)
      }
    }
    return ranges
  }

  /// `@@ -l,s +l,s @@`, with GNU diff's conventions for empty and one-line ranges.
  static func header(_ hunk: Range<Int>, edits: [Edit]) -> String {
    var oldStart: Int?
    var newStart: Int?
    var oldCount = 0
    var newCount = 0
    var oldBefore = 0
    var newBefore = 0
    for edit in edits[..<hunk.lowerBound] {
      switch edit {
      case .keep:
        oldBefore += 1
        newBefore += 1
      case .delete: oldBefore += 1
      case .insert: newBefore += 1
      }
    }
    for edit in edits[hunk] {
      switch edit {
      case .keep(let old, let new):
        oldStart = oldStart ?? old
        newStart = newStart ?? new
        oldCount += 1
        newCount += 1
      case .delete(let old):
        oldStart = oldStart ?? old
        oldCount += 1
      case .insert(let new):
        newStart = newStart ?? new
        newCount += 1
      }
    }
    func range(_ start: Int?, _ before: Int, _ count: Int) -> String {
      if count == 0 { return "\(before),0" }
      let first = (start ?? before) + 1
      return count == 1 ? "\(first)" : "\(first),\(count)"
    }
    return
      "@@ -\(range(oldStart, oldBefore, oldCount)) +\(range(newStart, newBefore, newCount)) @@\n"
  }
}
