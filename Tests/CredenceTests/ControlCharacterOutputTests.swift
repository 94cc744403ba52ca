import Credence
import CredenceRuntime
import CredenceValues
import Testing

/// Ids with control characters (from a store Credence did not import) are shown escaped to
/// people: a raw escape would act on the terminal, a raw NUL or line break would make one
/// id look like another.
@Suite struct ControlCharacterOutputTests {
  @Test func theEscapesAreTheLanguagesOwn() {
    #expect("L0000001".escapingControlCharacters == "L0000001")
    #expect("L1\u{0}zzz".escapingControlCharacters == "L1\\u{0}zzz")
    #expect(
      "L1\u{1B}[2J\u{7}\u{7F}\u{85}é".escapingControlCharacters
        == "L1\\u{1B}[2J\\u{7}\\u{7F}\\u{85}é")
    #expect("Tan\tAh\nKow".escapingControlCharacters == "Tan\\u{9}Ah\\u{A}Kow")
  }

  @Test func theTableShowsLearnerIdsEscaped() {
    let result = DecisionResult(
      decision: "cert", title: "Cert", kind: .stack, learner: "L1\u{1B}[2J", status: .achieved)
    for explain in [false, true] {
      let writer = ResultWriter(format: .table, explain: explain, decisions: ["cert"])
      var buffer: [UInt8] = []
      writer.render(LearnerResults(learner: "L1\u{1B}[2J", results: [result]), into: &buffer)
      let text = String(decoding: buffer, as: UTF8.self)
      #expect(!text.contains("\u{1B}"))
      #expect(text.contains("L1\\u{1B}[2J"))
    }
  }
}
