import Credence
import CredenceSuggestions
import Testing

/// "Did you mean" with several answers (an unknown credential code): the one threshold of
/// every suggestion, closest first, ties in the candidates' order, at most `limit`.
@Suite struct SeveralSuggestionsTests {
  @Test func closestFirstThenInTheCandidatesOrder() {
    let codes = ["IS5128", "IS5003", "IS5004", "BUS108", "is5003", "IS5005"]
    // `is5003` differs only in case: distance 0, offered first; the others one edit away.
    #expect(
      Evaluation.suggestions(for: "IS5003", among: codes, limit: 3)
        == ["is5003", "IS5004", "IS5005"])
    // Five letters allow one edit: `IS5004` is two away from `IS503`.
    #expect(Evaluation.suggestions(for: "IS503", among: codes, limit: 10) == ["IS5003", "is5003"])
    #expect(Evaluation.suggestions(for: "XYZ", among: codes, limit: 3) == [])
    #expect(Evaluation.suggestions(for: "IS5003", among: codes, limit: 0) == [])
  }

  /// Against a filter by the shared threshold: the same set, whatever the limit.
  @Test func theSameThresholdAsOneSuggestion() {
    let words = ["stack", "stacks", "stick", "fund", "funds", "stacked", "tsack", "sack"]
    for word in words {
      let all = Evaluation.suggestions(for: word, among: words, limit: words.count)
      let expected = words.filter {
        $0 != word
          && Suggestions.editDistance(word, $0)
            <= Suggestions.maximumDistance(forLength: word.count)
      }
      #expect(Set(all) == Set(expected))
      #expect(
        all.first.map { Suggestions.editDistance(word, $0) }
          == expected.map { Suggestions.editDistance(word, $0) }.min())
    }
  }
}
