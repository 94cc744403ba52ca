import Synchronization
import Testing

@testable import CredenceREPL

/// Tab completion as a pure function of the line before the cursor.
@Suite struct CompletionTests {
  static let context = CompletionContext(
    names: ["age", "age_limit", "count", "learner", "nus_executive_certificate"],
    decisions: ["nus_executive_certificate", "ssg_subsidy"], facts: ["monthly_income"],
    directory: TestRecords.source)

  func words(_ line: String) -> [String] {
    guard case .words(let words) = Completion.complete(line, in: Self.context) else { return [] }
    return words
  }

  @Test func metaCommandNames() {
    #expect(words(":") == REPL.metaCommandNames.sorted())
    #expect(words(":le") == [":learner", ":learners"])
    #expect(words("  :rel") == [":reload"])
    #expect(words(":zz").isEmpty)
    #expect(words(":wh") == [":what-if", ":why"])
    #expect(Set(REPL.metaCommandNames).count == REPL.metaCommandNames.count, "each name once")
  }

  @Test func namesOfDefinitionsAndKeywords() {
    #expect(words("age") == ["age", "age_limit"])
    #expect(words("1 + ag") == ["age", "age_limit"])
    #expect(words("count(lea") == ["learner"])
    #expect(words("x wh") == ["where"])
  }

  @Test func recordFieldsAfterADot() {
    #expect(words("learner.bi") == ["birth_date"])
    #expect(words("learner.mon") == ["monthly_income"], "declared facts are learner fields")
    #expect(words("learner.awards.cr") == ["credential", "credential_code"])
    #expect(words("count(learner.awards where credential.cr") == ["credit_system", "credits"])
    #expect(words("nus_executive_certificate.cr") == ["credits"])
    #expect(words("a.grade.m") == ["mark"])
    #expect(words("learner.").contains("awards"))
  }

  @Test func decisionsAfterWhyAndNamesAfterDoc() {
    #expect(words(":why ") == ["nus_executive_certificate", "ssg_subsidy"])
    #expect(words(":why ss") == ["ssg_subsidy"])
    #expect(words(":doc age_") == ["age_limit"])
    #expect(words(":type learner.ci") == ["citizenship"])
    #expect(words(":what-if +") == ["+award"])
  }

  @Test func learnerIDsFromTheDirectory() {
    #expect(words(":learner L000000") == (1...9).map { "L000000\($0)" })
    #expect(words(":learner M") == ["M1"])
    #expect(words(":learner Q").isEmpty)
    let none = CompletionContext()
    #expect(Completion.complete(":learner L", in: none) == .words([]), "no database, no ids")
  }

  @Test func filesAfterLoad() {
    #expect(Completion.complete(":load pol", in: Self.context) == .files)
  }

  /// `Completion.maximumLearnerCandidates`: a bounded query however many learners match.
  @Test func learnerCandidatesAreBounded() throws {
    let many = ManyLearners(count: Completion.maximumLearnerCandidates * 3)
    let context = CompletionContext(directory: many)
    guard case .words(let ids) = Completion.complete(":learner ", in: context) else {
      Issue.record("expected words")
      return
    }
    #expect(ids.count == Completion.maximumLearnerCandidates)
    #expect(many.lastLimit.withLock { $0 } == Completion.maximumLearnerCandidates)
  }

  @Test func theWordIsWhatFollowsTheLastBreak() {
    #expect(Completion.currentWord("learner.bi") == "bi")
    #expect(Completion.currentWord(":learner L00") == "L00")
    #expect(Completion.currentWord("f(a, b") == "b")
    #expect(Completion.currentWord("x ") == "")
  }
}

/// A directory of `count` ids that remembers the limit it was asked for.
final class ManyLearners: LearnerDirectory {
  let count: Int
  let lastLimit = Mutex(0)

  init(count: Int) { self.count = count }

  func learnerIDs(prefix: String, limit: Int) throws -> (ids: [String], total: Int) {
    lastLimit.withLock { $0 = limit }
    return ((0..<min(limit, count)).map { "P\($0)" }, count)
  }
}
