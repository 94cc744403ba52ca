import Credence
import CredenceStore

/// What the dashboard shows for one decision on one date over every learner of the store:
/// how many results have each status, the requirements most often missing (stacks), the
/// distribution of amounts (funds) or credits (equivalences), and the credentials that would
/// complete the stack for the most learners (the facade's cohort pathways).
struct CohortSummary: Sendable {
  var title: String
  var decision: String
  var kind: String
  /// `learners`, or `enrolments` for a fund decided per enrolment.
  var unit: String
  var learners: Int
  var statuses: [(label: String, count: Int, style: String)]
  var missing: [(label: String, count: Int)]
  /// Amounts or credits of the results granted, low to high, in ranges when they are many
  /// (``AmountRanges``), then the results not granted by status.
  var amounts: [(label: String, count: Int, style: String)]
  var amountsHeading: String
  var completing: [(code: String, title: String, alone: Int, inSmallest: Int)]
  var within: Int

  /// Reads every learner in batches, on the calling thread, and tells `progress` how many
  /// are done after each batch.
  static func compute(
    decision name: String, asOf: CivilDate, policies: Policies, source: any StoreRecordSource,
    progress: (Int) -> Void
  ) throws -> CohortSummary {
    let evaluator = try Evaluator(policies, asOf: asOf, decisions: [name])
    var cohort: PathwayCohort?
    if case .success(let target) = Pathways.target(named: name, credits: nil, in: policies) {
      let catalogue = try source.catalogue().credentials
      let planner = Pathways.planner(
        policies, asOf: asOf, target: target, catalogue: catalogue,
        options: PathwayCohort.options(
          within: WebLimits.cohortWithin, grade: nil, plannedDate: nil))
      cohort = PathwayCohort(planner: planner, within: WebLimits.cohortWithin)
    }
    var statusCounts: [DecisionStatus: Int] = [:]
    var missing: [String: Int] = [:]
    // Per currency (credits have none): the value and how many results have it.
    var amounts: [String: [ExactDecimal: Int]] = [:]
    var learners = 0
    var title = name
    var kind = ""
    var perEnrolment = false
    try source.forEachBatch(batchSize: WebLimits.cohortBatch) { records in
      for record in records {
        let results = evaluator.evaluate(record)
        var open = false
        for result in results.results {
          title = result.title
          kind = result.kind.rawValue
          if result.enrolment != nil { perEnrolment = true }
          statusCounts[result.status, default: 0] += 1
          for requirement in result.missing { missing[requirement, default: 0] += 1 }
          if result.status == .eligible || result.status == .achieved {
            if let amount = result.amount {
              amounts[amount.currency.description, default: [:]][amount.amount, default: 0] += 1
            } else if let credits = result.credits, result.kind == .equivalence {
              amounts["", default: [:]][credits, default: 0] += 1
            }
          }
          if result.status == .notAchieved || result.status == .undetermined { open = true }
        }
        if open, let cohort { _ = cohort.add(record) }
      }
      learners += records.count
      progress(learners)
    }
    let order: [DecisionStatus] = [
      .achieved, .eligible, .notAchieved, .ineligible, .undetermined, .notInEffect, .error,
    ]
    let statuses = order.compactMap { status -> (String, Int, String)? in
      guard let count = statusCounts[status] else { return nil }
      return (status.rawValue, count, ResultView.statusClass(status))
    }
    return CohortSummary(
      title: title, decision: name, kind: kind, unit: perEnrolment ? "enrolments" : "learners",
      learners: learners, statuses: statuses,
      missing: Array(
        missing.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
          .prefix(WebLimits.cohortTopRows).map { ($0.key, $0.value) }),
      amounts: amountBars(amounts, statuses: statusCounts, order: order),
      amountsHeading: kind == "equivalence" ? "Credits granted" : "Amounts granted",
      completing: (cohort?.credentialTallies ?? []).prefix(WebLimits.cohortTopRows).map {
        ($0.code, $0.title ?? "", $0.alone, $0.inSmallest)
      },
      within: WebLimits.cohortWithin)
  }

  /// The granted amounts in ranges, per currency, then the results granted nothing by
  /// status (`ineligible`, `undetermined`…), kept apart rather than counted as zero.
  private static func amountBars(
    _ amounts: [String: [ExactDecimal: Int]], statuses: [DecisionStatus: Int],
    order: [DecisionStatus]
  ) -> [(label: String, count: Int, style: String)] {
    var bars: [(label: String, count: Int, style: String)] = []
    for (currency, values) in amounts.sorted(by: { $0.key < $1.key }) {
      bars += AmountRanges.bars(values.map { ($0.key, $0.value) }, suffix: currency).map {
        ($0.label, $0.count, "plain")
      }
    }
    for status in order where status != .eligible && status != .achieved {
      if let count = statuses[status] {
        bars.append((status.rawValue, count, ResultView.statusClass(status)))
      }
    }
    return bars
  }
}
