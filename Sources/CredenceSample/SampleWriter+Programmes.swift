/// Catalogue positions of the courses the programme tracks award and enrol in.
struct SampleCodes {
  let scmCourses: [Int]
  let scmExam: [Int]
  let pomCourses: [Int]
  let pomExams: [Int]
  let msagCore: [Int]
  let msagElectives: [Int]
  let executive: [Int]
  let nusCertificate: [Int]
  let paceGraduate: [Int]
  let paceSpecialist: [Int]
  let sutd: [Int]
  let sutdPartner: [Int]
  let aceOwn: [Int]
  let recommended: [Int]
  let eu: [Int]
  let nieStackable: [Int]
  let nieMasters: [Int]
  let nieElective: [Int]
  let certifiedPass: [Int]
  let polytechnicDiplomas: [Int]
  let uniLearn: [Int]
  let challengeExams: [Int]
  let wsqFullQualification: [Int]
  let wsqStatements: [Int]
  let levelUp: [Int]
  let etss: [Int]
  let careerTransition2020: [Int]
  let ireland: [Int]
  /// Courses SkillsFuture Credit may pay for in SGD, of the general catalogue.
  let claimable: [Int]
  /// Codes the tracks name that the catalogue lacks (none: a test checks).
  let missing: [String]

  init(_ catalogue: SampleCatalogue) {
    var missing: [String] = []
    func codes(_ list: [String]) -> [Int] {
      missing += list.filter { catalogue.index[$0] == nil }
      return catalogue.positions(list)
    }
    scmCourses = codes(["MITx-SC0x", "MITx-SC1x", "MITx-SC2x", "MITx-SC3x", "MITx-SC4x"])
    scmExam = codes(["MITx-SCM-CFx"])
    pomCourses = codes((1...8).map { "MITx-POM-\($0)" })
    pomExams = codes((1...4).map { "MITx-POM-X\($0)" })
    msagCore = codes((1...6).map { "NTU-AG-C\($0)" })
    msagElectives = codes((1...4).map { "NTU-AG-E\($0)" })
    executive = codes(["NUS-EE-DIGI", "NUS-EE-STRAT", "NUS-EE-LEAD", "NUS-EE-FIN"])
    nusCertificate = codes(["IS5003", "IS5004", "IS5005", "IS5128"])
    paceGraduate = codes(["PACE-DA1", "PACE-DA2", "PACE-DA3"])
    paceSpecialist = codes(["PACE-CX1", "PACE-CX2"])
    sutd = codes((1...6).map { "SUTD-MM-\($0)" })
    sutdPartner = codes(["SUTD-PT-1"])
    aceOwn = codes(["ACE-MC-1", "ACE-MC-2"])
    recommended = codes(["ACE-REC-SEC", "CLEP-ALG", "NCCRS-PM", "GOOG-CYBER"])
    eu = codes(["EU-MC-DATA", "EU-MC-GREEN", "EU-MC-AI", "EU-MC-CYBER", "EU-MC-DESIGN"])
    nieStackable = codes((1...4).map { "NIE-GC-\($0)" })
    nieMasters = codes((1...7).map { "NIE-MA-\($0)" })
    nieElective = codes(["NIE-EL-1"])
    certifiedPass = codes(["EXT-PF-501"])
    polytechnicDiplomas = codes(["SP-DIP-IT", "NP-DIP-BUS", "TP-DIP-DES"])
    uniLearn = codes((101...105).map { "UL-\($0)" })
    challengeExams = codes(["SUSS-CE-1", "SUSS-CE-2"])
    wsqFullQualification = codes(["WSQ-FQ-LOG"])
    wsqStatements = codes(["WSQ-SOA-FS", "WSQ-SOA-WH", "WSQ-SOA-DL", "WSQ-SOA-CS"])
    levelUp = codes(["SCTP-DATA", "SCTP-SWE-PT", "NP-DIP-PT-LOG"])
    etss =
      codes(["ETSS-IH-SAFE", "ETSS-PMET-PM"])
      + catalogue.entries[..<catalogue.general].indices.filter {
        catalogue.entries[$0].tags.contains("ssg-funded")
      }
    careerTransition2020 = codes(["CTP-2020-LOG"])
    ireland = codes(["IRL-MC-CYBER", "IRL-MC-MGMT"])
    claimable = catalogue.entries[..<catalogue.general].indices.filter {
      catalogue.entries[$0].sfcClaimableInSGD
    }
    self.missing = missing
  }

  /// Every list, for the test that each code is in the catalogue.
  var all: [[Int]] {
    [
      scmCourses, scmExam, pomCourses, pomExams, msagCore, msagElectives, executive,
      nusCertificate, paceGraduate, paceSpecialist, sutd, sutdPartner, aceOwn, recommended, eu,
      nieStackable, nieMasters, nieElective, certifiedPass, polytechnicDiplomas, uniLearn,
      challengeExams, wsqFullQualification, wsqStatements, levelUp, etss, careerTransition2020,
      ireland, claimable,
    ]
  }
}

/// Letter grades by how good they are, for tracks that need a pass or a near miss.
private enum TrackGrades {
  static let good: [(StaticString, Int)] = [
    ("A+", 5), ("A", 15), ("A-", 20), ("B+", 25), ("B", 20), ("B-", 10), ("C+", 5),
  ]
  static let weak: [StaticString] = ["C", "D+", "D"]
}

extension SampleWriter {
  /// The programme tracks: the awards, enrolments and facts the example policy library reads.
  ///
  /// Each track is drawn with a small probability, and within a track the learner may have
  /// completed it, fallen short (a course missing, a grade too low, too late) or left a
  /// record unknown, so that every decision reaches its different outcomes.
  mutating func writeProgrammes(_ random: inout SampleRandom, _ learner: SampleLearner) throws {
    if random.chance(2.5) { try scmTrack(&random) }
    if random.chance(2) { try pomTrack(&random) }
    if random.chance(2.5) { try msagTrack(&random) }
    if random.chance(2.5) { try executiveTrack(&random) }
    if random.chance(3) { try nusCertificateTrack(&random) }
    if random.chance(2.5) { try paceTrack(&random) }
    if random.chance(2) { try sutdTrack(&random) }
    if random.chance(2) { try nieTrack(&random) }
    if random.chance(3) { try euTrack(&random) }
    if random.chance(12) { try transferApplicant(&random) }
    if random.chance(3) { try sussTrack(&random) }
    if random.chance(5) { try sfcClaimTrack(&random) }
    if learner.employed && random.chance(12) { try etssTrack(&random, learner) }
    if learner.employed && random.chance(40) { facts[.ntucMember] = .bool(random.chance(45)) }
    if learner.citizen, let income = learner.monthlyIncomeCents, income <= 3_200_00,
      learner.employed, random.chance(60)
    {
      try workfareTrack(&random, income: income)
    }
    if learner.citizen, (learner.age ?? 0) >= 30, random.chance(4) {
      try levelUpTrack(&random)
    }
    if random.chance(learner.eea ? 40 : 1) { try irelandTrack(&random, learner) }
    if learner.citizen && random.chance(0.5) {
      let start = today + random.within(-20...40)
      try enrolment(
        random.element(codes.careerTransition2020), start: start, end: start + 120,
        status: start > today ? "applied" : "enrolled")
    }
  }

  /// A day `lower...upper` days before the sample's date.
  private func daysAgo(_ random: inout SampleRandom, _ range: ClosedRange<Int>) -> Int {
    today - random.within(range)
  }

  private mutating func scmTrack(_ random: inout SampleRandom) throws {
    // All five courses and the exam (achieved), five without the exam, or a few courses.
    let variant = random.below(100)
    let courses = variant < 65 ? 5 : random.within(1...4)
    var day = daysAgo(&random, 700...1_600)
    for course in codes.scmCourses.prefix(courses) {
      day += random.within(60...150)
      try award(course, on: min(day, today), grade: nil)
    }
    if variant < 40 {
      try award(codes.scmExam[0], on: min(day + random.within(20...90), today), grade: nil)
    }
  }

  private mutating func pomTrack(_ random: inout SampleRandom) throws {
    let variant = random.below(100)
    let items = codes.pomCourses + codes.pomExams
    let taken = variant < 80 ? items.count : random.within(4...11)
    // One score below the 60% pass (not achieved), or one not recorded (undetermined).
    let failing = variant >= 45 && variant < 65 ? random.below(taken) : -1
    let unknown = variant >= 65 && variant < 80 ? random.below(taken) : -1
    var day = daysAgo(&random, 900...1_500)
    for (position, item) in items.prefix(taken).enumerated() {
      day += random.within(30...75)
      let score: Int? =
        position == unknown
        ? nil : position == failing ? random.within(400...599) : random.within(600...990)
      try award(item, on: min(day, today), grade: nil, scoreTenths: score)
    }
  }

  private mutating func msagTrack(_ random: inout SampleRandom) throws {
    // The FlexiMaster (4 core + 1 elective), the whole MSc, a partial record, or one grade
    // not recorded.
    let variant = random.below(100)
    let (core, electives) =
      variant < 35
      ? (4, 1) : variant < 55 ? (6, 4) : variant < 85 ? (random.within(1...3), 1) : (4, 1)
    let unknown = variant >= 85 ? 0 : -1
    var day = daysAgo(&random, 1_000...1_700)
    for (position, course) in (codes.msagCore.prefix(core) + codes.msagElectives.prefix(electives))
      .enumerated()
    {
      day += random.within(60...150)
      let grade: StaticString? = position == unknown ? nil : random.weighted(TrackGrades.good)
      try award(course, on: min(day, today), grade: grade)
    }
  }

  private mutating func executiveTrack(_ random: inout SampleRandom) throws {
    let variant = random.below(100)
    let digi = codes.executive[0]
    let strat = codes.executive[1]
    let lead = codes.executive[2]
    let day = daysAgo(&random, 100...900)
    let pass: [StaticString] = ["Pass", "Satisfactory", "A", "B+", "B", "C"]
    switch variant {
    case 0..<45:
      try award(digi, on: day, grade: random.element(pass))
      try award(strat, on: day + 120, grade: random.element(pass))
    case 45..<70:
      // Two 2-unit courses: 4 Credit Units, one short.
      try award(digi, on: day, grade: random.element(pass))
      try award(lead, on: day + 90, grade: random.element(pass))
    case 70..<85:
      try award(digi, on: day, grade: random.element(pass))
      try award(strat, on: day + 120, grade: "D+")
    default:
      try award(digi, on: day, grade: random.element(pass))
      try award(strat, on: day + 120, grade: nil)
    }
  }

  private mutating func nusCertificateTrack(_ random: inout SampleRandom) throws {
    let admitted = daysAgo(&random, 300...1_000)
    if random.chance(88) { facts[.nusGcAdmittedOn] = .date(admitted) }
    let variant = random.below(100)
    let courses = variant < 75 ? 3 : 2
    let weakGrades = variant >= 55 && variant < 75
    var day = admitted
    for course in codes.nusCertificate.prefix(courses) {
      day += random.within(90...250)
      let grade: StaticString =
        weakGrades ? random.element(["C", "C+", "C"]) : random.weighted(TrackGrades.good)
      try award(course, on: min(day, today), grade: grade)
    }
  }

  private mutating func paceTrack(_ random: inout SampleRandom) throws {
    let graduate = random.chance(60)
    let courses = graduate ? codes.paceGraduate : codes.paceSpecialist
    let variant = random.below(100)
    let taken = variant < 80 ? courses.count : courses.count - 1
    var start = daysAgo(&random, 500...1_100)
    for course in courses.prefix(taken) {
      let end = start + random.within(40...90)
      try enrolment(course, start: start, end: end, status: end < today ? "completed" : "enrolled")
      if end < today {
        let grade: StaticString =
          variant >= 60 && variant < 80 && course == courses[0]
          ? random.element(TrackGrades.weak) : random.weighted(TrackGrades.good)
        try award(course, on: end + 14, grade: grade)
      }
      start = end + random.within(20...120)
    }
  }

  private mutating func sutdTrack(_ random: inout SampleRandom) throws {
    let started = daysAgo(&random, 750...2_600)
    if random.chance(90) { facts[.sutdMmStartedOn] = .date(started) }
    // 6 SUTD courses (72 credits), 5 and a partner's, or 4.
    let variant = random.below(100)
    let own = variant < 45 ? 6 : variant < 70 ? 5 : 4
    var day = started
    for course in codes.sutd.prefix(own) {
      day += random.within(80...115)
      try award(course, on: min(day, today), grade: nil)
    }
    if variant >= 45 && variant < 70 {
      try award(codes.sutdPartner[0], on: min(day + 60, today), grade: nil)
    }
  }

  private mutating func nieTrack(_ random: inout SampleRandom) throws {
    switch random.below(10) {
    case 0..<5: facts[.niePriorCertificate] = .text("fleximasters")
    case 5..<9: facts[.niePriorCertificate] = .text("graduate-certificate")
    default: break
    }
    let variant = random.below(100)
    var day = daysAgo(&random, 800...1_600)
    for (position, course) in codes.nieStackable.enumerated() {
      day += random.within(60...120)
      let grade: StaticString =
        variant >= 70 && position == 0 ? "C" : random.weighted(TrackGrades.good)
      try award(course, on: min(day, today), grade: grade)
    }
    // Admitted to the master's two weeks after the last certificate course (no draw, so the
    // rest of the learner's rows are as before the fact existed).
    facts[.nieAdmittedOn] = .date(min(day + 14, today))
    let masters = variant < 50 ? codes.nieMasters.count : random.within(2...6)
    for course in codes.nieMasters.prefix(masters) {
      day += random.within(30...60)
      try award(course, on: min(day, today), grade: random.weighted(TrackGrades.good))
    }
    if variant < 60 {
      try award(
        codes.nieElective[0], on: min(day + 30, today), grade: random.weighted(TrackGrades.good))
    }
  }

  private mutating func euTrack(_ random: inout SampleRandom) throws {
    for _ in 0..<random.within(1...2) {
      let day = daysAgo(&random, 30...1_400)
      // Some expire after two years: past the date, they are no longer valid.
      let expires: Int? = random.chance(30) ? day + 730 : nil
      try award(random.element(codes.eu), on: day, expires: expires, grade: "Pass")
    }
  }

  /// Facts of applicants to the transfer programmes; their awards are whatever they hold.
  private mutating func transferApplicant(_ random: inout SampleRandom) throws {
    switch random.below(7) {
    case 0:
      facts[.aceCollegeTermStart] = .date(today + random.within(0...120))
      if random.chance(90) { facts[.aceCollegeProgrammeCredits] = .number(random.within(30...60)) }
      if random.chance(60) {
        try award(
          random.element(codes.aceOwn), on: daysAgo(&random, 100...2_500),
          grade: random.weighted(TrackGrades.good))
      }
      if random.chance(60) {
        // Industry certificates and exams carry a credit recommendation and no grade.
        try award(random.element(codes.recommended), on: daysAgo(&random, 100...2_000), grade: nil)
      }
    case 1:
      facts[.leightonProgrammeCredits] = .number(random.element([24, 30, 36, 45, 54, 60, 72]))
    case 2:
      facts[.minotExpectedCompletion] = .date(today + random.within(180...900))
    case 3:
      facts[.nusCdeAdmittedOn] = .date(today - random.within(0...200))
      if random.chance(90) {
        facts[.nusCdeCourseworkUnits] = .number(random.element([40, 40, 48]))
      }
    case 4:
      facts[.nyuProgrammeCredits] = .number(random.within(30...48))
    case 5:
      facts[.rutgersDegree] = random.chance(75) ? .text("masters") : .text("phd")
      if random.chance(90) { facts[.rutgersProgrammeCredits] = .number(random.within(30...36)) }
      if random.chance(30) {
        try award(codes.certifiedPass[0], on: daysAgo(&random, 200...1_500), grade: "P")
      }
    default:
      // Leighton and NYU both, as many applicants apply to several programmes.
      facts[.leightonProgrammeCredits] = .number(random.element([30, 40, 50]))
      facts[.nyuProgrammeCredits] = .number(random.within(30...40))
    }
  }

  private mutating func sussTrack(_ random: inout SampleRandom) throws {
    let admitted = SamplePopulation.day(random.element([2023, 2024, 2025, 2025, 2026]), 7, 15)
    let known = admitted <= today + 15
    facts[.sussAdmittedOn] = .date(admitted)
    facts[.sussPolyCgpa] = random.chance(90) ? .hundredths(random.within(280...395)) : .unknown
    facts[.sussPartTime] = .bool(random.chance(30))
    guard known else { return }
    if random.chance(85) {
      try award(
        random.element(codes.polytechnicDiplomas), on: admitted - random.within(60...2_200),
        grade: nil)
    }
    if random.chance(35) {
      for course in codes.uniLearn.prefix(random.chance(75) ? 5 : 4) {
        try award(course, on: admitted - random.within(30...300), grade: "Pass")
      }
    }
    if random.chance(25) {
      try award(
        random.element(codes.challengeExams), on: admitted - random.within(10...60), grade: "Pass")
    }
  }

  private mutating func sfcClaimTrack(_ random: inout SampleRandom) throws {
    // An application for a course starting within the next 75 days, or one started lately.
    let start = today + random.within(-40...75)
    let course = random.element(codes.claimable)
    let fee: Int? = random.chance(30) ? catalogue.entries[course].feeCents.map { $0 * 3 / 10 } : nil
    try enrolment(
      course, start: start, end: start + random.within(30...120), feeCents: fee,
      status: start > today ? "applied" : "enrolled")
  }

  private mutating func etssTrack(_ random: inout SampleRandom, _ learner: SampleLearner) throws {
    facts[.employerRegisteredInSg] = .bool(random.chance(95))
    facts[.employerLocalShareholding] = .percent(random.element([10, 25, 30, 51, 80, 100, 100]))
    facts[.employerGroupEmployment] = .number(random.element([8, 45, 120, 199, 200, 350, 900]))
    if random.chance(80) {
      facts[.employerGroupTurnover] = .hundredths(random.within(1...300) * 1_000_000_00)
    }
    facts[.underEmploymentAct] = .bool(random.chance(90))
    facts[.fullySponsoredByEmployer] = .bool(random.chance(75))
    if random.chance(90) { facts[.fullTimeNsman] = .bool(random.chance(3)) }
    if random.chance(85) { facts[.basicHourlySalary] = .hundredths(random.within(10...60) * 100) }
    let start = today + random.within(-45...45)
    try enrolment(
      random.element(codes.etss), start: start, end: start + random.within(2...60),
      status: start > today ? "applied" : "enrolled")
  }

  private mutating func workfareTrack(_ random: inout SampleRandom, income: Int) throws {
    facts[.grossMonthlyIncome] = .hundredths(income)
    facts[.employed] = .bool(true)
    if random.chance(60) { facts[.hasDisability] = .bool(random.chance(4)) }
    facts[.meetsWisHouseholdRules] = random.chance(90) ? .bool(random.chance(75)) : .unknown
    facts[.selfSponsoredTraining] = .bool(random.chance(70))
    // Completed WSQ courses, most of them passed.
    for _ in 0..<random.within(1...2) {
      let course =
        random.chance(25) ? codes.wsqFullQualification[0] : random.element(codes.wsqStatements)
      let end = today - random.within(5...500)
      let start = end - random.within(2...60)
      try enrolment(course, start: start, end: end, status: "completed")
      if random.chance(85) { try award(course, on: end + random.within(0...10), grade: "Pass") }
    }
  }

  private mutating func levelUpTrack(_ random: inout SampleRandom) throws {
    if random.chance(90) {
      facts[.averageMonthlyIncome] = .hundredths(random.within(20...110) * 100_00)
    }
    if random.chance(80) {
      facts[.trainingAllowanceMonthsReceived] = .number(random.element([0, 0, 0, 6, 12, 20, 24]))
    }
    if case .absent = facts[.grossMonthlyIncome], random.chance(50) {
      // Lower-wage workers may also apply for WSS (Level-Up).
      facts[.grossMonthlyIncome] = .hundredths(random.within(18...36) * 100_00)
      facts[.meetsWisHouseholdRules] = .bool(random.chance(80))
      facts[.selfSponsoredTraining] = .bool(random.chance(80))
    }
    let start = today + random.within(-240...120)
    let end = start + random.within(150...540)
    try enrolment(
      random.element(codes.levelUp), start: start, end: end,
      status: start > today ? "applied" : end < today ? "completed" : "enrolled")
  }

  private mutating func irelandTrack(_ random: inout SampleRandom, _ learner: SampleLearner) throws
  {
    facts[.irlLivesInIreland] = .bool(random.chance(85))
    facts[.irlHasPpsNumber] = random.chance(90) ? .bool(random.chance(90)) : .unknown
    if !learner.eea {
      facts[.irlImmigrationStamp] = .text(random.element(["1", "2", "4", "4", "5"]))
    }
    facts[.irlEeaYearsOfLast5] = .number(random.within(1...5))
    if random.chance(80) { facts[.irlReceivesDspPayment] = .bool(random.chance(15)) }
    let start = today + random.within(-30...90)
    try enrolment(
      random.element(codes.ireland), start: start, end: start + random.within(60...120),
      status: start > today ? "applied" : "enrolled")
  }
}
