import Credence

extension Session {
  /// `:what-if +award CODE[:DATE[:GRADE]] …`: the decisions that change for the current
  /// learner with the awards added, as `credence eval --what-if` shows them.
  func whatIf(_ argument: String) -> String {
    let usage = "write `:what-if +award CODE[:DATE[:GRADE]] …` (DATE as YYYY-MM-DD)"
    let words = argument.split(whereSeparator: \.isWhitespace).map(String.init)
    guard !words.isEmpty else { return "error: `:what-if` needs an award; \(usage)\n" }
    var awards: [HypotheticalAward] = []
    var index = 0
    while index < words.count {
      guard words[index] == "+award", index + 1 < words.count else {
        return "error: `\(words[index])` is not `+award CODE`; \(usage)\n"
      }
      guard let award = HypotheticalAward(parsing: words[index + 1]) else {
        return "error: `\(words[index + 1])` is not CODE[:DATE[:GRADE]]; \(usage)\n"
      }
      awards.append(award)
      index += 2
    }
    guard let policies else { return "no policies loaded\n" }
    let evaluator = self.evaluator(policies)
    return interruptible {
      let answer: Evaluator.WhatIfAnswer
      do {
        answer = try evaluator.whatIf(
          learner: learner, given: givenFacts, adding: awards, from: records)
      } catch Evaluator.WhatIfFailure.records(let error) {
        return "error: \(error.description)\n"
      } catch {
        return "error: the database could not be read\n"
      }
      var out = WhatIfReport.render(
        answer.changes, learner: learner.id.text, awards: awards,
        unknownCodes: answer.unknownCodes, date: asOf, format: .table, explain: false)
      for code in answer.unknownCodes {
        out +=
          "note: `\(code.escapingControlCharacters)` is not in the catalogue; its award has a code and nothing else\n"
      }
      return out
    }
  }
}
