/// The sample catalogue: real credentials from docs (NUS, MITx, Google, …) plus generated
/// courses per field. Fixed, whatever the seed, so example policies can name its codes.
struct SampleCatalogue {
  struct Entry {
    let code: String
    let title: String
    let provider: String
    let type: String
    /// Credits as stored: an INTEGER or a TEXT decimal.
    let credits: String?
    let creditSystem: String?
    let level: Int?
    let field: String
    let hours: Int?
    /// Fee in cents; `nil` when unknown.
    let feeCents: Int?
    let currency: String?
    let tags: [String]
    /// Whether awards of it may carry an expiry date.
    let mayExpire: Bool
    /// Whether SkillsFuture Credit may pay for it in SGD.
    let sfcClaimableInSGD: Bool

    init(
      code: String, title: String, provider: String, type: String, credits: String?,
      creditSystem: String?, level: Int?, field: String, hours: Int?, feeCents: Int?,
      currency: String?, tags: [String]
    ) {
      self.code = code
      self.title = title
      self.provider = provider
      self.type = type
      self.credits = credits
      self.creditSystem = creditSystem
      self.level = level
      self.field = field
      self.hours = hours
      self.feeCents = feeCents
      self.currency = currency
      self.tags = tags
      mayExpire = type == "badge" || type == "certificate"
      sfcClaimableInSGD =
        feeCents != nil && currency == "SGD" && tags.contains("sf-credit-claimable")
    }

    func with(tags: [String]) -> Entry {
      Entry(
        code: code, title: title, provider: provider, type: type, credits: credits,
        creditSystem: creditSystem, level: level, field: field, hours: hours, feeCents: feeCents,
        currency: currency, tags: tags)
    }
  }

  let entries: [Entry]
  /// Indexes into `entries` by field, for learners who stay mostly in one field.
  let byField: [[Int]]
  /// How many entries come before the policy library's: learners' general awards and
  /// enrolments draw from these; the library's come from programme tracks.
  let general: Int
  /// Positions in `entries` by code.
  let index: [String: Int]

  /// The positions of `codes`, which are in the catalogue by construction (a test checks).
  func positions(_ codes: [String]) -> [Int] { codes.compactMap { index[$0] } }

  static let fields = [
    "cybersecurity", "data-analytics", "software-engineering", "cloud-computing",
    "business-management", "finance", "healthcare", "logistics", "design", "education",
    "engineering", "sustainability",
  ]

  private static let fieldPrefixes = [
    "CYB", "DAT", "SWE", "CLD", "BUS", "FIN", "HLT", "LOG", "DES", "EDU", "ENG", "SUS",
  ]

  private static let providers = [
    "National University of Singapore", "Nanyang Technological University",
    "Singapore Management University", "Singapore University of Social Sciences",
    "Singapore Institute of Technology", "Singapore Polytechnic", "Ngee Ann Polytechnic",
    "Temasek Polytechnic", "Republic Polytechnic", "ITE College Central", "Coursera", "edX",
  ]

  private static let titleWords = [
    "Foundations of", "Applied", "Advanced", "Practical", "Introduction to", "Strategic",
    "Professional", "Principles of",
  ]

  /// Catalogue entries named in docs/domain.md, so policies modelled on them have data.
  private static let named: [Entry] = [
    entry(
      "IS5003", "Platform Design and Economy", "NUS", "micro-credential", "4", "SG-MC", 7,
      "software-engineering", 130, 125_000,
      ["skill:platform-design", "ssg-funded", "sf-credit-claimable", "stacks-to:NUS-GC-DT"]),
    entry(
      "IS5004", "Enterprise Architecture", "NUS", "micro-credential", "4", "SG-MC", 7,
      "software-engineering", 130, 125_000,
      ["skill:enterprise-architecture", "ssg-funded", "sf-credit-claimable", "stacks-to:NUS-GC-DT"]),
    entry(
      "IS5005", "Digital Engagement", "NUS", "micro-credential", "4", "SG-MC", 7,
      "business-management", 130, 125_000,
      ["skill:digital-engagement", "ssg-funded", "sf-credit-claimable", "stacks-to:NUS-GC-DT"]),
    entry(
      "IS5128", "Digital Innovation", "NUS", "micro-credential", "4", "SG-MC", 7,
      "business-management", 130, 125_000,
      ["skill:digital-innovation", "ssg-funded", "sf-credit-claimable", "stacks-to:NUS-GC-DT"]),
    entry(
      "NUS-GC-DT", "Graduate Certificate in Digital Transformation", "NUS", "certificate", "16",
      "SG-MC", 7, "business-management", 520, nil, ["mid-career-list"]),
    entry(
      "SC0x", "Supply Chain Analytics", "MITx", "course", "3", "US-SH", 6, "logistics", 120,
      150_00, ["skill:supply-chain-analytics", "stacks-to:MITx-SCM"], currency: "USD"),
    entry(
      "SC1x", "Supply Chain Fundamentals", "MITx", "course", "3", "US-SH", 6, "logistics", 120,
      150_00, ["skill:supply-chain-fundamentals", "stacks-to:MITx-SCM"], currency: "USD"),
    entry(
      "SC2x", "Supply Chain Design", "MITx", "course", "3", "US-SH", 6, "logistics", 120,
      150_00, ["skill:supply-chain-design", "stacks-to:MITx-SCM"], currency: "USD"),
    entry(
      "SC3x", "Supply Chain Dynamics", "MITx", "course", "3", "US-SH", 6, "logistics", 120,
      150_00, ["skill:supply-chain-dynamics", "stacks-to:MITx-SCM"], currency: "USD"),
    entry(
      "SC4x", "Supply Chain Technology and Systems", "MITx", "course", "3", "US-SH", 6,
      "logistics", 120, 150_00, ["skill:supply-chain-technology", "stacks-to:MITx-SCM"],
      currency: "USD"),
    entry(
      "CFx", "Comprehensive Final Exam", "MITx", "module", nil, nil, 6, "logistics", 4,
      200_00, ["stacks-to:MITx-SCM"], currency: "USD"),
    entry(
      "MITx-SCM", "MicroMasters in Supply Chain Management", "MITx", "certificate", "30", "US-SH",
      7, "logistics", 1_000, nil, []),
    entry(
      "GOOG-CYBER", "Google Cybersecurity Certificate", "Google", "certificate", "12", "US-SH", 5,
      "cybersecurity", 180, 294_00, ["skill:security-operations", "ace-recommended"],
      currency: "USD"),
    entry(
      "CYB501", "Network Security", "Nanyang Technological University", "micro-credential", "7.5",
      "ECTS", 7, "cybersecurity", 190, 2_180_00,
      ["skill:network-security", "ssg-funded", "sf-credit-claimable", "mid-career-list"]),
  ]

  static func entry(
    _ code: String, _ title: String, _ provider: String, _ type: String, _ credits: String?,
    _ creditSystem: String?, _ level: Int?, _ field: String, _ hours: Int?, _ feeCents: Int?,
    _ tags: [String], currency: String = "SGD"
  ) -> Entry {
    Entry(
      code: code, title: title, provider: provider, type: type, credits: credits,
      creditSystem: creditSystem, level: level, field: field, hours: hours, feeCents: feeCents,
      currency: feeCents == nil ? nil : currency, tags: tags)
  }

  /// Courses generated per field.
  static let perField = 18

  /// The fixed catalogue.
  static let standard = SampleCatalogue()

  private init() {
    var random = SampleRandom(seed: 0xC0FF_EE00_CA7A_1061)
    var entries = Self.named
    for (fieldIndex, field) in Self.fields.enumerated() {
      let prefix = Self.fieldPrefixes[fieldIndex]
      let diplomaCode = "\(prefix)-DIP"
      for number in 0..<Self.perField {
        let code = "\(prefix)\(101 + number * 7)"
        let type = random.weighted([
          ("micro-credential", 40), ("course", 25), ("module", 20), ("badge", 10),
          ("certificate", 5),
        ])
        let provider = random.element(Self.providers)
        let foreign = provider == "Coursera" || provider == "edX"
        let (credits, system, hours): (String?, String?, Int?) =
          switch random.below(4) {
          case 0: (random.element(["2", "4", "6"]), "SG-MC", nil)
          case 1: (random.element(["5", "7.5", "10"]), "ECTS", nil)
          case 2: (random.element(["1", "3"]), "US-SH", nil)
          default: (nil, nil, nil)
          }
        let studyHours =
          hours ?? (type == "badge" ? random.within(6...40) : random.within(20...160))
        var tags = ["skill:\(field)-\(1 + random.below(6))"]
        if !foreign && random.chance(60) { tags.append("ssg-funded") }
        if random.chance(70) { tags.append("sf-credit-claimable") }
        if !foreign && random.chance(30) { tags.append("mid-career-list") }
        if type != "badge" && random.chance(50) { tags.append("stacks-to:\(diplomaCode)") }
        let fee: Int? = random.chance(10) ? nil : random.within(9...96) * 50_00
        entries.append(
          Entry(
            code: code,
            title:
              "\(random.element(Self.titleWords)) \(field.replacingOccurrences(of: "-", with: " ").capitalized) \(number + 1)",
            provider: provider, type: type, credits: credits, creditSystem: system,
            level: random.chance(15) ? nil : random.within(4...7), field: field,
            hours: random.chance(10) ? nil : studyHours, feeCents: fee,
            currency: fee == nil ? nil : (foreign ? "USD" : "SGD"), tags: tags.sorted()))
      }
      entries.append(
        Entry(
          code: diplomaCode, title: "Specialist Diploma in \(field.capitalized)",
          provider: Self.providers[fieldIndex % 10], type: "diploma", credits: "60",
          creditSystem: "ECTS", level: 5, field: field, hours: 1_500, feeCents: 9_800_00,
          currency: "SGD", tags: ["mid-career-list", "ssg-funded"]))
    }
    // The policy library's tags on the entries above, from a generator of their own so the
    // entries keep every value they had before the library was added.
    var tagging = SampleRandom(seed: 0x7A65_7E11_B4A2_0001)
    entries = entries.map { $0.with(tags: Self.libraryTags($0, &tagging)) }
    general = entries.count
    entries += Self.library
    self.entries = entries
    var index: [String: Int] = [:]
    for (position, entry) in entries.enumerated() { index[entry.code] = position }
    self.index = index
    var byField = Array(repeating: [Int](), count: Self.fields.count)
    for (index, entry) in entries[..<general].enumerated() {
      if let field = Self.fields.firstIndex(of: entry.field) { byField[field].append(index) }
    }
    self.byField = byField
  }
}
