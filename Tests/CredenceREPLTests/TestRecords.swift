import CredenceRecords
import CredenceValues

/// The learners session tests read with `:learner ID`, `:learners` and completion: 25
/// learners `L0000001`…`L0000025` (enough to pass the listing limit), one `M1`, one with
/// broken rows. `L0000002` holds one NUS executive-education course; EE-STRAT is in the
/// catalogue for what-if questions, with EE-LEAD and EE-FIN (fees in SGD) for `:path`.
enum TestRecords {
  static func date(_ text: String) -> CivilDate {
    CivilDate(parsing: text) ?? .min
  }

  static let digital = Credential(
    code: "EE-DIGI", title: "Digital Strategy", type: "course", credits: 2,
    tags: ["nus-micro-credit"])
  static let strategy = Credential(
    code: "EE-STRAT", title: "Strategy Execution", type: "course", credits: 3,
    tags: ["nus-micro-credit"])

  static let sgd = CurrencyCode(parsing: "SGD")!
  static let leadership = Credential(
    code: "EE-LEAD", title: "Leading Teams", type: "course", credits: 2,
    fee: Money(1200, sgd),
    tags: ["nus-micro-credit"])
  static let finance = Credential(
    code: "EE-FIN", title: "Finance for Executives", type: "course", credits: 3,
    fee: Money(2000, sgd),
    tags: ["nus-micro-credit"])

  static var source: InMemoryRecordSource {
    var records: [LearnerRecord] = (1...25).map { number in
      let id = "L" + String(repeating: "0", count: 7 - String(number).count) + String(number)
      return .valid(Learner(id: LearnerID(id), name: "Learner \(number)", citizenship: "SG"))
    }
    records[1] = .valid(
      Learner(
        id: "L0000002", name: "Bea", birthDate: date("1984-02-29"), citizenship: "SG",
        residency: "citizen",
        awards: [
          Award(id: "A1", credential: digital, awardedOn: date("2025-06-20"), grade: "Pass")
        ]))
    records.append(.valid(Learner(id: "M1")))
    records.append(
      .invalid(
        id: "X1",
        errors: [RecordError(table: "awards", row: "A9", column: "awarded_on", problem: .missing)]))
    return InMemoryRecordSource(records: records, catalogue: [strategy, leadership, finance])
  }
}
