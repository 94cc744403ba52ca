import CredenceStore
import CredenceValues
import GRDB

/// A deterministic, realistic learner population for demos, tests and benchmarks.
///
/// The same `learners` and `seed` always give the same rows. Each learner draws from its
/// own generator (seeded by the seed and its number), so a learner's rows do not depend on
/// how many learners come before it. The population, as at ``today``:
/// - citizenships (mostly `SG`) with residency, ages 18–75 including 29 February birthdays
///   and unknown birth dates, a few unknown names;
/// - awards from the sample catalogue, mostly in one field per learner, some revoked, some
///   retaken, with grades, scores and expiry dates;
/// - enrolments in every status, some with their own (subsidised) fee;
/// - SkillsFuture Credit ledger rows per tranche (opening credit, the 2020 top-up that
///   lapses on 31 Dec 2025, the 2020 mid-career support, the 2024 mid-career credit) and
///   claims against them;
/// - facts `employment_status`, `monthly_income` and `sponsored_by_employer`;
/// - programme tracks for the example policy library (``SampleWriter/writeProgrammes``):
///   learners in a stack's courses, applicants to transfer programmes with the facts those
///   policies declare, funding applicants with their enrolments and facts, so that each
///   decision of the library reaches its different outcomes on a sample of a few thousand.
public struct SamplePopulation: Sendable {
  public let learners: Int
  public let seed: UInt64

  /// The most learners one sample holds: learner ids have up to nine digits.
  public static let maxLearners = 999_999_999

  /// The page cache the generator uses while writing, in KiB.
  static let cacheKiB = 256 * 1024

  /// The date the sample describes (ages, statuses and balances are as at this day).
  public static let today = (year: 2026, month: 6, day: 30)

  public init(learners: Int, seed: UInt64) throws {
    guard (1...Self.maxLearners).contains(learners) else {
      throw StoreError(
        .invalidInput, "a sample needs between 1 and \(Self.maxLearners) learners, not \(learners)")
    }
    self.learners = learners
    self.seed = seed
  }

  /// Digits in a learner number, so ids sort in number order.
  var idWidth: Int { max(7, String(learners).count) }

  /// Writes the population into `store`, which must have no learners yet, in one
  /// transaction. Returns the rows written per table.
  public func write(into store: RecordStore) throws -> [(table: String, rows: Int)] {
    let (counts, _) = try store.writeTransaction(foreignKeys: false) { db in
      // A page cache large enough that pages are written to the log about once each.
      try db.execute(sql: "PRAGMA cache_size = -\(SamplePopulation.cacheKiB)")
      defer { try? db.execute(sql: "PRAGMA cache_size = -2000") }
      if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM learners)") == true {
        throw StoreError(
          .invalidInput,
          "`\(store.name)` already has learners; a sample is written into an empty store",
          help: "add `--replace` to write a new sample in its place, or use a new file")
      }
      return try fill(db)
    }
    return counts
  }

  /// The day number of a date of the sample's calendar.
  static func day(_ year: Int, _ month: Int, _ day: Int) -> Int {
    CivilDate(year: year, month: month, day: day).map { Int($0.dayNumber) } ?? 0
  }

  /// The page cache used while filling a new file, in KiB: rows arrive in key order, so
  /// only the right edge of each B-tree is being written.
  static let newFileCacheKiB = 64 * 1024

  /// Writes the catalogue and every learner through `db`, inside the caller's transaction.
  func fill(_ db: Database) throws -> [(table: String, rows: Int)] {
    var writer = try SampleWriter(db, population: self)
    try writer.writeCatalogue()
    for number in 1...learners { try writer.writeLearner(number) }
    try writer.finish()
    let counts = writer.finishCounts()
    return Contract.tables.map { ($0.name, counts[$0.name] ?? 0) }
  }
}

/// Writes the sample's rows through prepared statements.
struct SampleWriter {
  let population: SamplePopulation
  let catalogue = SampleCatalogue.standard
  let codes: SampleCodes
  var counts: [String: Int] = [:]

  private let learnerInsert: RawInsert
  private let awardInsert: RawInsert
  private let enrolmentInsert: RawInsert
  private let ledgerInsert: RawInsert
  private let factInsert: RawInsert
  private let db: Database

  private let id = TextScratch()
  /// The number of the learner being written.
  private var number = 0
  /// The last award and enrolment sequence numbers of the learner being written.
  private var awardSequence = 0
  private var enrolmentSequence = 0
  private var awarded: [Int] = []
  var facts = SampleFactSheet()
  private var learnerRows = 0
  private var awardRows = 0
  private var enrolmentRows = 0
  private var ledgerRows = 0
  private var factRows = 0

  /// The sample's date as a day number.
  let today = SamplePopulation.day(
    SamplePopulation.today.year, SamplePopulation.today.month, SamplePopulation.today.day)

  init(_ db: Database, population: SamplePopulation) throws {
    self.db = db
    self.population = population
    codes = SampleCodes(catalogue)
    learnerInsert = try RawInsert(
      db,
      "INSERT INTO learners (id, name, birth_date, citizenship, residency) VALUES (?, ?, ?, ?, ?)")
    awardInsert = try RawInsert(
      db,
      "INSERT INTO awards (id, learner_id, credential_code, awarded_on, expires_on, grade, score, status, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
    )
    enrolmentInsert = try RawInsert(
      db,
      "INSERT INTO enrolments (id, learner_id, credential_code, start_on, end_on, fee, currency, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
    )
    ledgerInsert = try RawInsert(
      db,
      "INSERT INTO funding_ledger (learner_id, scheme, amount, currency, posted_on, expires_on, memo) VALUES (?, ?, ?, ?, ?, ?, ?)"
    )
    factInsert = try RawInsert(
      db, "INSERT INTO learner_facts (learner_id, name, value) VALUES (?, ?, ?)")
    awarded.reserveCapacity(16)
  }

  mutating func writeCatalogue() throws {
    let credential = try RawInsert(
      db,
      "INSERT INTO credentials (code, title, provider, type, credits, credit_system, level, field, hours, fee, currency) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    )
    let tag = try RawInsert(db, "INSERT INTO credential_tags (credential_code, tag) VALUES (?, ?)")
    var tags = 0
    for entry in catalogue.entries {
      credential.bind(1, entry.code)
      credential.bind(2, entry.title)
      credential.bind(3, entry.provider)
      credential.bind(4, entry.type)
      if let credits = entry.credits {
        if let whole = Int(credits) {
          credential.bind(5, whole)
        } else {
          credential.bind(5, credits)
        }
      } else {
        credential.bindNull(5)
      }
      optional(credential, 6, entry.creditSystem)
      if let level = entry.level { credential.bind(7, level) } else { credential.bindNull(7) }
      credential.bind(8, entry.field)
      if let hours = entry.hours { credential.bind(9, hours) } else { credential.bindNull(9) }
      if let fee = entry.feeCents {
        let text = credential.slot(10)
        text.appendCents(fee)
        credential.bindSlot(10)
      } else {
        credential.bindNull(10)
      }
      optional(credential, 11, entry.currency)
      try credential.step()
      for name in entry.tags {
        tag.bind(1, entry.code)
        tag.bind(2, name)
        try tag.step()
        tags += 1
      }
    }
    try credential.finish()
    try tag.finish()
    counts["credentials"] = catalogue.entries.count
    counts["credential_tags"] = tags
  }

  private func optional(_ insert: RawInsert, _ index: Int32, _ value: String?) {
    if let value { insert.bind(index, value) } else { insert.bindNull(index) }
  }

  // MARK: One learner

  mutating func writeLearner(_ number: Int) throws {
    self.number = number
    awardSequence = 0
    enrolmentSequence = 0
    facts.clear()
    var random = SampleRandom(seed: population.seed, stream: UInt64(number))
    id.clear()
    id.append("L")
    id.append(number, width: population.idWidth)

    // The learner row.
    let today = SamplePopulation.today
    var birthYear: Int? = nil
    var birthDay = 0
    learnerInsert.bind(1, id)
    if random.chance(3) {
      learnerInsert.bindNull(2)
    } else {
      let text = learnerInsert.slot(2)
      text.append(random.element(SampleNames.given))
      text.append(" ")
      text.append(random.element(SampleNames.family))
      learnerInsert.bindSlot(2)
    }
    if random.chance(2) {
      learnerInsert.bindNull(3)
    } else {
      let text = learnerInsert.slot(3)
      if random.chance(0.5) {
        // A 29 February birthday in a leap year between 1952 and 2004.
        let year = 1952 + 4 * random.below(14)
        text.appendDate(year: year, month: 2, day: 29)
        birthYear = year
        birthDay = CivilDate(year: year, month: 2, day: 29)?.dayNumber.asInt ?? 0
      } else {
        let age = random.weighted(Weights.ages)
        let year = today.year - random.within(age)
        let month = random.within(1...12)
        let day = random.within(1...CivilDate.daysInMonth(year: year, month: month))
        text.appendDate(year: year, month: month, day: day)
        birthYear = year
        birthDay = CivilDate(year: year, month: month, day: day)?.dayNumber.asInt ?? 0
      }
      learnerInsert.bindSlot(3)
    }
    let citizenship = random.weighted(SampleNames.citizenships)
    if citizenship.isEmpty { learnerInsert.bindNull(4) } else { learnerInsert.bind(4, citizenship) }
    let citizen = citizenship == "SG"
    let permanentResident: Bool
    if random.chance(1) {
      learnerInsert.bindNull(5)
      permanentResident = false
    } else if citizen {
      learnerInsert.bind(5, "citizen" as StaticString)
      permanentResident = false
    } else if random.chance(40) {
      learnerInsert.bind(5, "permanent_resident" as StaticString)
      permanentResident = true
    } else {
      learnerInsert.bind(5, "other" as StaticString)
      permanentResident = false
    }
    try learnerInsert.step()
    learnerRows += 1

    let homeField = random.below(SampleCatalogue.fields.count)
    try writeAwards(&random, birthDay: birthDay, homeField: homeField)
    let claims = try writeEnrolments(&random, homeField: homeField)
    let age = birthYear.map { today.year - $0 }
    let status = generalFacts(&random, age: age)
    var income: Int? = nil
    if case .hundredths(let cents) = facts[.monthlyIncome] { income = cents }
    let learner = SampleLearner(
      citizen: citizen, resident: citizen || permanentResident, age: age,
      birthDay: birthYear == nil ? nil : birthDay, employed: status == "employed",
      monthlyIncomeCents: income,
      eea: SampleNames.eeaCitizenships.contains(citizenship))
    try writeProgrammes(&random, learner)
    if citizen, let birthYear {
      try writeLedger(&random, birthYear: birthYear, claims: claims)
    }
    try writeFacts()
  }

  /// Writes the rows still waiting in the inserts' batches.
  func finish() throws {
    for insert in [learnerInsert, awardInsert, enrolmentInsert, ledgerInsert, factInsert] {
      try insert.finish()
    }
  }

  /// The rows written per table.
  mutating func finishCounts() -> [String: Int] {
    counts["learners"] = learnerRows
    counts["awards"] = awardRows
    counts["enrolments"] = enrolmentRows
    counts["funding_ledger"] = ledgerRows
    counts["learner_facts"] = factRows
    return counts
  }

  private mutating func pickCredential(_ random: inout SampleRandom, homeField: Int) -> Int {
    random.chance(70)
      ? random.element(catalogue.byField[homeField]) : random.below(catalogue.general)
  }

  private func bindDate(_ insert: RawInsert, _ index: Int32, _ dayNumber: Int) {
    let (year, month, day) = (CivilDate(dayNumber: dayNumber) ?? .min).components
    let text = insert.slot(index)
    text.appendDate(year: year, month: month, day: day)
    insert.bindSlot(index)
  }

  static let grades: [(StaticString, Int)] = [
    ("A+", 5), ("A", 12), ("A-", 13), ("B+", 15), ("B", 14), ("B-", 10), ("C+", 8), ("C", 8),
    ("D+", 3), ("D", 3), ("F", 4), ("Pass", 4), ("S", 1),
  ]

  private mutating func writeAwards(
    _ random: inout SampleRandom, birthDay: Int, homeField: Int
  ) throws {
    let count = random.weighted(Weights.awardsPerLearner)
    guard count > 0 else { return }
    // Awards from 2015, and not before the learner turned 16.
    let earliest = max(SamplePopulation.day(2015, 1, 1), birthDay + 16 * 366)
    guard earliest < today else { return }
    awarded.removeAll(keepingCapacity: true)
    var previousDay = 0
    for _ in 1...count {
      let retake = !awarded.isEmpty && random.chance(5)
      let entryIndex =
        retake ? awarded[awarded.count - 1] : pickCredential(&random, homeField: homeField)
      awarded.append(entryIndex)
      let entry = catalogue.entries[entryIndex]
      let day =
        retake
        ? min(today, previousDay + random.within(90...400))
        : earliest + random.below(today - earliest)
      previousDay = day
      let expires = entry.mayExpire && random.chance(40) ? day + 3 * 365 + 1 : nil
      let grade: StaticString? = random.chance(8) ? nil : random.weighted(Self.grades)
      let scoreTenths: Int? =
        random.chance(35) ? random.within(48...99) * 10 + random.below(10) : nil
      try award(
        entryIndex, on: day, expires: expires, grade: grade, scoreTenths: scoreTenths,
        revoked: random.chance(2))
    }
  }

  /// Writes one award of the learner being written.
  mutating func award(
    _ entryIndex: Int, on day: Int, expires: Int? = nil, grade: StaticString?,
    scoreTenths: Int? = nil, revoked: Bool = false
  ) throws {
    let entry = catalogue.entries[entryIndex]
    awardSequence += 1
    let text = awardInsert.slot(1)
    text.append("A")
    text.append(number, width: population.idWidth)
    text.append("-")
    text.append(awardSequence, width: 2)
    awardInsert.bindSlot(1)
    awardInsert.bind(2, id)
    awardInsert.bind(3, entry.code)
    bindDate(awardInsert, 4, day)
    if let expires { bindDate(awardInsert, 5, expires) } else { awardInsert.bindNull(5) }
    if let grade { awardInsert.bind(6, grade) } else { awardInsert.bindNull(6) }
    if let scoreTenths {
      let text = awardInsert.slot(7)
      text.append(scoreTenths / 10)
      text.append(".")
      text.append(scoreTenths % 10)
      awardInsert.bindSlot(7)
    } else {
      awardInsert.bindNull(7)
    }
    awardInsert.bind(8, revoked ? "revoked" as StaticString : "valid")
    awardInsert.bind(9, entry.provider)
    try awardInsert.step()
    awardRows += 1
  }

  /// Writes enrolments; returns the fees (cents) and start days of those a learner might
  /// pay with SkillsFuture Credit.
  private mutating func writeEnrolments(_ random: inout SampleRandom, homeField: Int)
    throws -> [(cents: Int, start: Int, enrolment: Int)]
  {
    var claimable: [(cents: Int, start: Int, enrolment: Int)] = []
    let count = random.weighted(Weights.enrolmentsPerLearner)
    guard count > 0 else { return claimable }
    // From three and a half years before the sample's date to six months after it.
    let first = today - 1_276
    let last = today + 184
    for _ in 1...count {
      let entryIndex = pickCredential(&random, homeField: homeField)
      let entry = catalogue.entries[entryIndex]
      let start = first + random.below(last - first)
      let end: Int? = random.chance(10) ? nil : start + random.within(30...180)
      var fee = entry.feeCents
      var ownFee: Int? = nil
      if let listFee = entry.feeCents, random.chance(25) {
        // The nett fee after a 50%, 70% or 90% subsidy.
        let nett = listFee * random.element([50, 30, 10]) / 100
        fee = nett
        ownFee = nett
      }
      let status: StaticString =
        start > today
        ? (random.chance(80) ? "applied" : "enrolled")
        : random.weighted(Weights.pastEnrolmentStatuses)
      try enrolment(entryIndex, start: start, end: end, feeCents: ownFee, status: status)
      if let fee, entry.sfcClaimableInSGD {
        claimable.append((fee, start, enrolmentSequence))
      }
    }
    return claimable
  }

  /// Writes one enrolment of the learner being written; `feeCents` overrides the list fee.
  mutating func enrolment(
    _ entryIndex: Int, start: Int, end: Int?, feeCents: Int? = nil, status: StaticString
  ) throws {
    let entry = catalogue.entries[entryIndex]
    enrolmentSequence += 1
    let text = enrolmentInsert.slot(1)
    text.append("E")
    text.append(number, width: population.idWidth)
    text.append("-")
    text.append(enrolmentSequence, width: 2)
    enrolmentInsert.bindSlot(1)
    enrolmentInsert.bind(2, id)
    enrolmentInsert.bind(3, entry.code)
    bindDate(enrolmentInsert, 4, start)
    if let end { bindDate(enrolmentInsert, 5, end) } else { enrolmentInsert.bindNull(5) }
    if let feeCents {
      let text = enrolmentInsert.slot(6)
      text.appendCents(feeCents)
      enrolmentInsert.bindSlot(6)
      optional(enrolmentInsert, 7, entry.currency)
    } else {
      enrolmentInsert.bindNull(6)
      enrolmentInsert.bindNull(7)
    }
    enrolmentInsert.bind(8, status)
    try enrolmentInsert.step()
    enrolmentRows += 1
  }

  private mutating func ledgerRow(
    scheme: StaticString, cents: Int, posted: Int, expires: Int?, memo: StaticString?
  ) throws {
    ledgerInsert.bind(1, id)
    ledgerInsert.bind(2, scheme)
    if cents % 100 == 0 {
      ledgerInsert.bind(3, cents / 100)
    } else {
      let text = ledgerInsert.slot(3)
      text.appendCents(cents)
      ledgerInsert.bindSlot(3)
    }
    ledgerInsert.bind(4, "SGD" as StaticString)
    bindDate(ledgerInsert, 5, posted)
    if let expires { bindDate(ledgerInsert, 6, expires) } else { ledgerInsert.bindNull(6) }
    if let memo { ledgerInsert.bind(7, memo) } else { ledgerInsert.bindNull(7) }
    try ledgerInsert.step()
    ledgerRows += 1
  }

  /// SkillsFuture Credit tranches by year of birth (domain.md §1.1), then claims, under the
  /// scheme names the policy library reads (`sfc-opening`, `sfc-top-up-2020`,
  /// `sfc-mid-career`).
  private mutating func writeLedger(
    _ random: inout SampleRandom, birthYear: Int, claims: [(cents: Int, start: Int, enrolment: Int)]
  ) throws {
    let year = SamplePopulation.today.year
    var balance = 0
    if birthYear + 25 <= year {
      let posted = max(SamplePopulation.day(2016, 1, 1), SamplePopulation.day(birthYear + 25, 1, 1))
      try ledgerRow(
        scheme: "sfc-opening", cents: 500_00, posted: posted, expires: nil,
        memo: "Opening SkillsFuture Credit")
      balance += 500_00
    }
    if birthYear <= 1995 {
      try ledgerRow(
        scheme: "sfc-top-up-2020", cents: 500_00, posted: SamplePopulation.day(2020, 10, 1),
        expires: SamplePopulation.day(2025, 12, 31), memo: "One-off SkillsFuture Credit top-up")
      balance += 500_00
    }
    if (1960...1980).contains(birthYear) {
      try ledgerRow(
        scheme: "sfc-mid-career-support-2020", cents: 500_00,
        posted: SamplePopulation.day(2020, 10, 1), expires: nil,
        memo: "Additional SkillsFuture Credit (Mid-Career Support)")
      balance += 500_00
    }
    if birthYear + 40 <= year {
      // 1 May 2024 for those 40 and above then; later cohorts in January of the year they turn 40.
      let posted =
        birthYear + 40 <= 2024
        ? SamplePopulation.day(2024, 5, 1) : SamplePopulation.day(birthYear + 40, 1, 1)
      try ledgerRow(
        scheme: "sfc-mid-career", cents: 4_000_00, posted: posted, expires: nil,
        memo: "SkillsFuture Credit (Mid-Career)")
      balance += 4_000_00
    }
    for claim in claims where balance > 0 && claim.start <= today && random.chance(50) {
      let amount = min(claim.cents, balance)
      balance -= amount
      let scheme: StaticString = random.chance(50) ? "sfc-opening" : "sfc-top-up-2020"
      try ledgerRow(
        scheme: scheme, cents: -amount, posted: claim.start - random.within(1...60), expires: nil,
        memo: "Claim for enrolment")
    }
  }

  /// Employment status, monthly income and employer sponsorship; returns the status.
  private mutating func generalFacts(_ random: inout SampleRandom, age: Int?) -> String? {
    let status: String? =
      age.map { $0 >= 63 && random.chance(60) } == true
      ? "retired"
      : age.map { $0 <= 24 && random.chance(50) } == true
        ? "student"
        : random.weighted(Weights.employment)
    if random.chance(95) {
      facts[.employmentStatus] =
        random.chance(3)
        ? .unknown
        : status.map { .text(Weights.employmentNames[$0] ?? "employed") } ?? .unknown
    }
    if random.chance(85) {
      if random.chance(5) {
        facts[.monthlyIncome] = .unknown
      } else {
        let employed = status == "employed" || status == "self-employed"
        let income = employed ? random.within(30...240) * 50 : random.within(0...30) * 50
        facts[.monthlyIncome] = .hundredths(income * 100)
      }
    }
    if status == "employed" && random.chance(40) {
      facts[.sponsoredByEmployer] = .bool(random.chance(30))
    }
    return status
  }

  /// Writes the learner's facts in key order.
  private mutating func writeFacts() throws {
    for fact in SampleFact.allCases {
      let value = facts[fact]
      if case .absent = value { continue }
      factInsert.bind(1, id)
      factInsert.bind(2, fact.name)
      switch value {
      case .absent, .unknown: factInsert.bindNull(3)
      case .text(let text): factInsert.bind(3, text)
      case .bool(let flag): factInsert.bind(3, flag ? "true" as StaticString : "false")
      case .number(let number):
        let text = factInsert.slot(3)
        text.append(number)
        factInsert.bindSlot(3)
      case .hundredths(let hundredths):
        let text = factInsert.slot(3)
        text.appendCents(hundredths)
        factInsert.bindSlot(3)
      case .percent(let percent):
        let text = factInsert.slot(3)
        text.append(percent)
        text.append("%")
        factInsert.bindSlot(3)
      case .date(let day): bindDate(factInsert, 3, day)
      }
      try factInsert.step()
      factRows += 1
    }
  }
}

/// What the programme tracks need to know about the learner being written.
struct SampleLearner {
  let citizen: Bool
  /// A Singapore Citizen or Permanent Resident.
  let resident: Bool
  /// Age by year of birth on the sample's date.
  let age: Int?
  let birthDay: Int?
  let employed: Bool
  let monthlyIncomeCents: Int?
  /// A national of the EU, the EEA, the UK or Switzerland.
  let eea: Bool
}

/// The sample's distributions, built once rather than per learner.
private enum Weights {
  static let ages: [(ClosedRange<Int>, Int)] = [
    (18...24, 12), (25...39, 38), (40...54, 32), (55...75, 18),
  ]
  static let awardsPerLearner = [
    (0, 15), (1, 20), (2, 22), (3, 18), (4, 12), (5, 7), (6, 4), (7, 2),
  ]
  static let enrolmentsPerLearner = [(0, 45), (1, 35), (2, 15), (3, 5)]
  static let pastEnrolmentStatuses: [(StaticString, Int)] = [
    ("completed", 60), ("enrolled", 20), ("withdrawn", 20),
  ]
  static let employment: [(String, Int)] = [
    ("employed", 78), ("self-employed", 9), ("unemployed", 7), ("student", 3), ("retired", 3),
  ]
  static let employmentNames: [String: StaticString] = [
    "employed": "employed", "self-employed": "self-employed", "unemployed": "unemployed",
    "student": "student", "retired": "retired",
  ]
}

extension Int32 {
  fileprivate var asInt: Int { Int(self) }
}
