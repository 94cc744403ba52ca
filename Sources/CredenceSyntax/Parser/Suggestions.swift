/// "Did you mean …" by edit distance, as Elm's `Reporting/Suggest.hs` does it.
public enum Suggestions {
  /// The candidate closest to `word`, if it is close enough to be a likely typo
  /// (at most a third of the word's length, and at least one edit, away).
  public static func closest(to word: String, among candidates: some Sequence<String>)
    -> String?
  {
    let limit = max(1, word.count / 3)
    var best: (String, Int)?
    for candidate in candidates where candidate != word {
      let distance = editDistance(word, candidate)
      if distance <= limit, distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
    }
    return best?.0
  }

  /// The Damerau-Levenshtein (optimal string alignment) distance between two strings.
  public static func editDistance(_ a: String, _ b: String) -> Int {
    let x = Array(a.lowercased().unicodeScalars)
    let y = Array(b.lowercased().unicodeScalars)
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var previousRow = [Int](repeating: 0, count: y.count + 1)
    var row = Array(0...y.count)
    var beforePrevious = row
    for i in 1...x.count {
      beforePrevious = previousRow
      previousRow = row
      row = [Int](repeating: 0, count: y.count + 1)
      row[0] = i
      for j in 1...y.count {
        let cost = x[i - 1] == y[j - 1] ? 0 : 1
        row[j] = min(previousRow[j] + 1, row[j - 1] + 1, previousRow[j - 1] + cost)
        if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
          row[j] = min(row[j], beforePrevious[j - 2] + 1)
        }
      }
    }
    return row[y.count]
  }
}
