/// "Did you mean …" by edit distance (Elm's `Reporting/Suggest.hs`).
enum Suggest {
  /// The candidate closest to `word` if it is a likely typo: at most a third of the word's
  /// length away (at least one edit), ties broken by the candidates' order.
  static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
    let limit = max(1, word.count / 3)
    var best: (String, Int)?
    for candidate in candidates where candidate != word {
      let distance = editDistance(word, candidate, limit: limit)
      if distance <= limit, distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
    }
    return best?.0
  }

  /// The optimal-string-alignment distance (Damerau–Levenshtein with adjacent swaps),
  /// ignoring case; gives up early (returning more than `limit`) when lengths differ by
  /// more than `limit`.
  static func editDistance(_ a: String, _ b: String, limit: Int = .max) -> Int {
    let x = Array(a.lowercased().unicodeScalars)
    let y = Array(b.lowercased().unicodeScalars)
    if abs(x.count - y.count) > limit { return limit + 1 }
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var beforePrevious = [Int](repeating: 0, count: y.count + 1)
    var previous = Array(0...y.count)
    var row = [Int](repeating: 0, count: y.count + 1)
    for i in 1...x.count {
      row[0] = i
      for j in 1...y.count {
        let cost = x[i - 1] == y[j - 1] ? 0 : 1
        row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
          row[j] = min(row[j], beforePrevious[j - 2] + 1)
        }
      }
      (beforePrevious, previous, row) = (previous, row, beforePrevious)
    }
    return previous[y.count]
  }
}
