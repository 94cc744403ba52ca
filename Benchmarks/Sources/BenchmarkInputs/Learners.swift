import CredenceRecords
import CredenceValues

/// A learner with a realistic record for the policy library: graduate modules with grades,
/// MITx certificates, enrolments for the subsidies, a SkillsFuture ledger and some facts.
public enum SampleLearner {
  /// The date the benchmarks evaluate on.
  public static let asOf = CivilDate(year: 2026, month: 3, day: 1) ?? CivilDate(dayNumber: 0)!

  public static func make() -> Learner {
    func date(_ y: Int, _ m: Int, _ d: Int) -> CivilDate? { CivilDate(year: y, month: m, day: d) }
    func sgd(_ amount: Int) -> Money? {
      CurrencyCode(parsing: "SGD").map { Money(ExactDecimal(amount), $0) }
    }
    let modules: [(String, String, CivilDate?)] = [
      ("IS5003", "A-", date(2024, 12, 10)), ("IS5004", "B", date(2025, 5, 5)),
      ("IS5128", "B+", date(2025, 12, 8)), ("IS5006", "A", date(2025, 12, 8)),
      ("CS5224", "B-", date(2023, 5, 2)), ("BT5110", "C+", date(2022, 12, 1)),
    ]
    var awards: [Award] = modules.enumerated().map { index, module in
      Award(
        id: "A\(index + 1)",
        credential: Credential(
          code: module.0, provider: "NUS", credits: 4, creditSystem: "SG-MC", level: 7),
        awardedOn: module.2, grade: module.1)
    }
    for (index, code) in ["MITx-SC0x", "MITx-SC1x", "MITx-SC2x", "MITx-SC3x"].enumerated() {
      awards.append(
        Award(
          id: "M\(index + 1)", credential: Credential(code: code, provider: "MITx"),
          awardedOn: date(2024, 3 + index, 1), score: ExactDecimal(70 + index)))
    }
    let course = Credential(
      code: "SCTP-ADA", hours: 300, fee: sgd(19_000), tags: ["ssg-funded", "cet-centre"])
    let short = Credential(
      code: "SF-DATA", hours: 40, fee: sgd(1_200),
      tags: ["ssg-funded", "sf-credit-claimable", "cet-centre"])
    return Learner(
      id: "learner-1", name: "Tan Mei Ling", birthDate: date(1982, 6, 15), citizenship: "SG",
      awards: awards,
      enrolments: [
        Enrolment(
          id: "E1", credential: course, startOn: date(2026, 3, 2), fee: sgd(19_000),
          status: "enrolled"),
        Enrolment(
          id: "E2", credential: short, startOn: date(2026, 1, 12), fee: sgd(1_200),
          status: "enrolled"),
      ],
      ledger: [
        LedgerEntry(id: 1, scheme: "sfc-opening", amount: sgd(500), postedOn: date(2016, 1, 1)),
        LedgerEntry(
          id: 2, scheme: "sfc-top-up-2020", amount: sgd(500), postedOn: date(2020, 10, 1)),
        LedgerEntry(id: 3, scheme: "sfc-opening", amount: sgd(-350), postedOn: date(2023, 4, 2)),
      ],
      facts: [
        ("nus_gc_admitted_on", "2024-08-01"), ("nus_cde_admitted_on", "2026-08-01"),
        ("nus_cde_coursework_units", "40"), ("employed", "true"), ("ntuc_member", "true"),
        ("gross_monthly_income", "2400 SGD"),
      ].map { LearnerFact(name: $0.0, value: $0.1) })
  }
}
