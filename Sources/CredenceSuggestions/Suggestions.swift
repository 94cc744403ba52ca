/// "Did you mean …" by edit distance, as Elm's `Reporting/Suggest.hs` does it: the one
/// helper behind every suggestion (the parser's keywords, the checker's names, decision
/// names asked for by `--decision` or a request, the CSV importer's column names).
public enum Suggestions {
  /// The most edits a candidate may be from a word of `length` characters and still be
  /// offered: a third of the word, at least one (`max(1, length / 3)`), so a two-letter
  /// typo is forgiven one slip and a nine-letter one three (docs/decisions.md).
  public static func maximumDistance(forLength length: Int) -> Int { max(1, length / 3) }

  /// The candidate closest to `word`, if it is close enough to be a likely typo
  /// (``maximumDistance(forLength:)``); `word` itself is never offered. Ties go to the
  /// candidate met first.
  public static func closest(to word: String, among candidates: some Sequence<String>)
    -> String?
  {
    let limit = maximumDistance(forLength: word.count)
    var best: (String, Int)?
    for candidate in candidates where candidate != word {
      let distance = editDistance(word, candidate)
      if distance <= limit, distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
    }
    return best?.0
  }

  /// The Damerau-Levenshtein (optimal string alignment) distance between two strings,
  /// ignoring case: a swap of two neighbours is one edit, as is `Stack` for `stack`.
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
