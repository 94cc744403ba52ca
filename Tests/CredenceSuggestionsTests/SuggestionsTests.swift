import CredenceSuggestions
import Testing

@Suite struct SuggestionsTests {
  /// Brute-force Levenshtein with adjacent swaps (optimal string alignment), recursive,
  /// for short words.
  static func reference(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var best = min(
      reference(Array(a.dropLast()), b) + 1, reference(a, Array(b.dropLast())) + 1,
      reference(Array(a.dropLast()), Array(b.dropLast())) + (a.last == b.last ? 0 : 1))
    if a.count > 1, b.count > 1, a[a.count - 1] == b[b.count - 2],
      a[a.count - 2] == b[b.count - 1]
    {
      best = min(best, reference(Array(a.dropLast(2)), Array(b.dropLast(2))) + 1)
    }
    return best
  }

  @Test func theDistanceAgreesWithBruteForce() {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    let letters = Array("abc")
    for _ in 0..<500 {
      let a = (0..<next(6)).map { _ in letters[next(3)] }
      let b = (0..<next(6)).map { _ in letters[next(3)] }
      #expect(
        Suggestions.editDistance(String(a), String(b)) == Self.reference(a, b),
        "\(String(a)) → \(String(b))")
    }
  }

  @Test func caseAndSwapsCostLittle() {
    #expect(Suggestions.editDistance("Stack", "stack") == 0)
    #expect(Suggestions.editDistance("stakc", "stack") == 1)
    #expect(Suggestions.editDistance("", "abc") == 3)
  }

  /// The threshold at its edges: a third of the word, at least one edit.
  @Test(arguments: [(1, 1), (2, 1), (3, 1), (5, 1), (6, 2), (8, 2), (9, 3), (12, 4)])
  func theThresholdIsAThirdOfTheWordAndAtLeastOne(length: Int, limit: Int) {
    #expect(Suggestions.maximumDistance(forLength: length) == limit)
  }

  @Test func aCandidateIsOfferedUpToTheThresholdAndNotOneEditPast() {
    // Five letters: one edit.
    #expect(Suggestions.closest(to: "stxkk", among: ["stack"]) == nil)
    #expect(Suggestions.closest(to: "stacc", among: ["stack"]) == "stack")
    // Six letters: two edits, not three.
    #expect(Suggestions.closest(to: "fundxx", among: ["fundab"]) == "fundab")
    #expect(Suggestions.closest(to: "fundxx", among: ["funabc"]) == nil)
    // Two letters: one edit.
    #expect(Suggestions.closest(to: "iz", among: ["is"]) == "is")
    #expect(Suggestions.closest(to: "zz", among: ["is"]) == nil)
  }

  @Test func theClosestWinsAndTheWordItselfIsNeverOffered() {
    #expect(Suggestions.closest(to: "status", among: ["status"]) == nil)
    #expect(Suggestions.closest(to: "statuz", among: ["stattt", "status"]) == "status")
    // Two edits each: the first met.
    #expect(Suggestions.closest(to: "award_on", among: ["awarded_on", "award_id"]) == "awarded_on")
    #expect(Suggestions.closest(to: "award_on", among: ["award_id", "awarded_on"]) == "award_id")
  }
}
