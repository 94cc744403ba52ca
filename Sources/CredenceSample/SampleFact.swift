/// The facts a sample learner may have (`learner_facts.name`), in the byte order of their
/// names: a learner's facts are written in key order, so inserts append to the table.
///
/// The first three are general (employment, income, sponsorship); the others are the facts
/// the example policy library declares, recorded for learners in the matching programme.
enum SampleFact: Int, CaseIterable {
  case aceCollegeProgrammeCredits
  case aceCollegeTermStart
  case averageMonthlyIncome
  case basicHourlySalary
  case employed
  case employerGroupEmployment
  case employerGroupTurnover
  case employerLocalShareholding
  case employerRegisteredInSg
  case employmentStatus
  case fullTimeNsman
  case fullySponsoredByEmployer
  case grossMonthlyIncome
  case hasDisability
  case irlEeaYearsOfLast5
  case irlHasPpsNumber
  case irlImmigrationStamp
  case irlLivesInIreland
  case irlReceivesDspPayment
  case leightonProgrammeCredits
  case meetsWisHouseholdRules
  case minotExpectedCompletion
  case monthlyIncome
  case nieAdmittedOn
  case niePriorCertificate
  case ntucMember
  case nusCdeAdmittedOn
  case nusCdeCourseworkUnits
  case nusGcAdmittedOn
  case nyuProgrammeCredits
  case rutgersDegree
  case rutgersProgrammeCredits
  case selfSponsoredTraining
  case sponsoredByEmployer
  case sussAdmittedOn
  case sussPartTime
  case sussPolyCgpa
  case sutdMmStartedOn
  case trainingAllowanceMonthsReceived
  case underEmploymentAct

  /// The names, in the order of the cases (byte order: a test checks).
  static let names: [StaticString] = [
    "ace_college_programme_credits",
    "ace_college_term_start",
    "average_monthly_income",
    "basic_hourly_salary",
    "employed",
    "employer_group_employment",
    "employer_group_turnover",
    "employer_local_shareholding",
    "employer_registered_in_sg",
    "employment_status",
    "full_time_nsman",
    "fully_sponsored_by_employer",
    "gross_monthly_income",
    "has_disability",
    "irl_eea_years_of_last_5",
    "irl_has_pps_number",
    "irl_immigration_stamp",
    "irl_lives_in_ireland",
    "irl_receives_dsp_payment",
    "leighton_programme_credits",
    "meets_wis_household_rules",
    "minot_expected_completion",
    "monthly_income",
    "nie_admitted_on",
    "nie_prior_certificate",
    "ntuc_member",
    "nus_cde_admitted_on",
    "nus_cde_coursework_units",
    "nus_gc_admitted_on",
    "nyu_programme_credits",
    "rutgers_degree",
    "rutgers_programme_credits",
    "self_sponsored_training",
    "sponsored_by_employer",
    "suss_admitted_on",
    "suss_part_time",
    "suss_poly_cgpa",
    "sutd_mm_started_on",
    "training_allowance_months_received",
    "under_employment_act",
  ]

  var name: StaticString { Self.names[rawValue] }
}

/// A fact's value as the sample writes it into the TEXT column.
enum SampleFactValue {
  /// No row for this fact.
  case absent
  /// A row whose value is NULL: recorded as unknown.
  case unknown
  case text(StaticString)
  case bool(Bool)
  /// A whole number.
  case number(Int)
  /// Hundredths: money in cents (`2400.00`), or a decimal with two places (`3.45`).
  case hundredths(Int)
  /// A whole percentage: `45%`.
  case percent(Int)
  /// A day number, written `YYYY-MM-DD`.
  case date(Int)
}

/// One learner's facts, by ``SampleFact``, reset for each learner.
struct SampleFactSheet {
  private(set) var values = Array(
    repeating: SampleFactValue.absent, count: SampleFact.allCases.count)

  subscript(fact: SampleFact) -> SampleFactValue {
    get { values[fact.rawValue] }
    set { values[fact.rawValue] = newValue }
  }

  mutating func clear() {
    for index in values.indices { values[index] = .absent }
  }
}
