import Credence
import Foundation

extension Evaluator {
  /// What a paths question asks for, besides the learner and the date.
  struct PathsQuestion: Sendable {
    var target: String
    var credits: ExactDecimal?
    var options: PathwayOptions
  }

  /// One learner's best paths to a stack or an equivalence's credit goal, as
  /// `credence path --format json` prints them. The search is bounded by the planner's own
  /// limits (search nodes, candidates), which the plan reports when it reaches one.
  func paths(_ question: Question, _ paths: PathsQuestion, with set: PolicySet) throws -> String {
    let target: PathwayTarget
    switch Pathways.target(named: paths.target, credits: paths.credits, in: set.policies) {
    case .success(let found): target = found
    case .failure(let error):
      // A name the policies have is a decision that is no target (a fund, or an
      // equivalence without a credit goal); the facade's message names the CLI's flag.
      let exists = set.decisions.contains { $0.name == paths.target }
      throw APIError(
        .badRequest, exists ? "not_a_target" : "unknown_target",
        error.message.replacingOccurrences(of: "(--credits N)", with: "(`credits`)"))
    }
    let grades = Pathways.grades(of: target, in: set.policies)
    if let grade = paths.options.grade, !grades.isEmpty, !grades.contains(grade) {
      throw APIError.badRequest(
        "`grade` is not a grade of the target's scale; its grades are "
          + grades.joined(separator: ", "))
    }
    let record = try learner(question.subject)
    guard case .valid(let learner) = record else {
      throw APIError(
        .unprocessableContent, "invalid_record",
        "the learner's records break the store's contract; `/v1/decide` names the rows")
    }
    let planner = Pathways.planner(
      set.policies, asOf: question.asOf, target: target,
      catalogue: try store.source.catalogue().credentials, options: paths.options)
    let plan = planner.plan(for: learner)
    let heading = PathwayReport.Heading(
      learner: record.id.description, target: paths.target,
      title: Pathways.title(of: target, in: set.policies), asOf: question.asOf,
      goal: paths.credits)
    return PathwayReport.render(plan, heading, format: .json)
  }
}
