import Testing

@testable import CredenceFormat

@Suite struct UnifiedDiffTests {
  @Test func equalTextsHaveNoDiff() {
    #expect(UnifiedDiff.diff(old: "a\nb\n", new: "a\nb\n", oldName: "a", newName: "b") == "")
  }

  @Test func oneChangedLineWithContext() {
    let old = (1...10).map { "line \($0)" }.joined(separator: "\n") + "\n"
    let new = old.replacingOccurrences(of: "line 5\n", with: "line five\n")
    #expect(
      UnifiedDiff.diff(old: old, new: new, oldName: "a/x", newName: "b/x") == """
        --- a/x
        +++ b/x
        @@ -2,7 +2,7 @@
         line 2
         line 3
         line 4
        -line 5
        +line five
         line 6
         line 7
         line 8

        """)
  }

  @Test func distantChangesMakeTwoHunksAndCloseOnesOne() {
    let old = (1...20).map { "\($0)" }.joined(separator: "\n") + "\n"
    let far = old.replacingOccurrences(of: "\n2\n", with: "\ntwo\n")
      .replacingOccurrences(of: "\n19\n", with: "\nnineteen\n")
    let farDiff = UnifiedDiff.diff(old: old, new: far, oldName: "a", newName: "b")
    #expect(farDiff.components(separatedBy: "\n@@ ").count == 3, "two hunks: \(farDiff)")
    #expect(farDiff.contains("@@ -1,5 +1,5 @@\n"))
    #expect(farDiff.contains("@@ -16,5 +16,5 @@\n"))
    let near = old.replacingOccurrences(of: "\n5\n", with: "\nfive\n")
      .replacingOccurrences(of: "\n9\n", with: "\nnine\n")
    let nearDiff = UnifiedDiff.diff(old: old, new: near, oldName: "a", newName: "b")
    #expect(nearDiff.contains("@@ -2,11 +2,11 @@\n"), "\(nearDiff)")
  }

  @Test func insertionsAndDeletionsAtTheEnds() {
    #expect(
      UnifiedDiff.diff(old: "", new: "a\n", oldName: "a", newName: "b")
        == "--- a\n+++ b\n@@ -0,0 +1 @@\n+a\n")
    #expect(
      UnifiedDiff.diff(old: "a\nb\n", new: "b\n", oldName: "a", newName: "b")
        == "--- a\n+++ b\n@@ -1,2 +1 @@\n-a\n b\n")
  }

  @Test func aMissingFinalNewlineIsShown() {
    #expect(
      UnifiedDiff.diff(old: "a\nb", new: "a\nb\n", oldName: "a", newName: "b")
        == "--- a\n+++ b\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n")
  }

  /// Applies a diff's edits to `old`, to check a diff by what it does.
  static func apply(_ diff: String, to old: String) -> String {
    var oldLines = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if oldLines.last == "" { oldLines.removeLast() }
    var result: [String] = []
    var position = 0
    for line in diff.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2) {
      if line.hasPrefix("@@ -") {
        let start = Int(line.dropFirst(4).prefix { $0.isNumber }) ?? 1
        let target = max(0, start - 1)
        while position < target {
          result.append(oldLines[position])
          position += 1
        }
      } else if line.hasPrefix(" ") {
        result.append(String(line.dropFirst()))
        position += 1
      } else if line.hasPrefix("-") {
        position += 1
      } else if line.hasPrefix("+") {
        result.append(String(line.dropFirst()))
      }
    }
    result += oldLines[min(position, oldLines.count)...]
    return result.map { $0 + "\n" }.joined()
  }

  @Test func diffsApply() {
    let old = "a\nb\nc\nd\ne\nf\ng\nh\n"
    for new in ["a\nc\nd\ne\nx\ny\nf\ng\nh\n", "b\nc\n", "z\na\nb\nc\nd\ne\nf\ng\nh\nz\n", "x\n"] {
      let diff = UnifiedDiff.diff(old: old, new: new, oldName: "a", newName: "b")
      #expect(Self.apply(diff, to: old) == new, "\(diff)")
    }
  }

  /// Past `maximumEditSteps` the differing middle is shown as one replaced block, which
  /// still turns the old text into the new one.
  @Test func theEditStepLimitGivesACorrectDiff() {
    let count = UnifiedDiff.maximumEditSteps + 10
    let old = (0..<count).map { "old \($0)" }.joined(separator: "\n") + "\n"
    let new =
      (0..<count).map { $0.isMultiple(of: 2) ? "old \($0)" : "new \($0)" }
      .joined(separator: "\n") + "\n"
    let diff = UnifiedDiff.diff(old: old, new: new, oldName: "a", newName: "b")
    #expect(Self.apply(diff, to: old) == new)
    // One block: every old line from the first change on is deleted before any is added.
    let body = diff.split(separator: "\n").dropFirst(3)
    let firstInsert = body.firstIndex { $0.hasPrefix("+") } ?? body.endIndex
    #expect(body[..<firstInsert].filter { $0.hasPrefix("-") }.count == count - 1)
    // Under the limit, the same kind of change gets the shortest script.
    let small = 100
    let smallOld = (0..<small).map { "old \($0)" }.joined(separator: "\n") + "\n"
    let smallNew =
      (0..<small).map { $0.isMultiple(of: 2) ? "old \($0)" : "new \($0)" }
      .joined(separator: "\n") + "\n"
    let smallDiff = UnifiedDiff.diff(old: smallOld, new: smallNew, oldName: "a", newName: "b")
    #expect(smallDiff.split(separator: "\n").filter { $0.hasPrefix("-") }.count == small / 2 + 1)
  }

  @Test func crlfAndLoneCarriageReturnsEndLines() {
    // CRLF lines keep their CR, as `diff -u` prints them; each ending change is a change.
    #expect(
      UnifiedDiff.diff(old: "a\r\nb\r\n", new: "a\nb\n", oldName: "a", newName: "b")
        == "--- a\n+++ b\n@@ -1,2 +1,2 @@\n-a\r\n-b\r\n+a\n+b\n")
    #expect(
      UnifiedDiff.diff(old: "a\rb\rc\r", new: "a\rx\rc\r", oldName: "a", newName: "b")
        == "--- a\n+++ b\n@@ -1,3 +1,3 @@\n a\n-b\n+x\n c\n")
    #expect(UnifiedDiff.lines("a\r\r\nb").map(\.text) == ["a", "", "b"])
    #expect(UnifiedDiff.lines("a\r\r\nb").map(\.ending) == [.cr, .crlf, .none])
  }
}
