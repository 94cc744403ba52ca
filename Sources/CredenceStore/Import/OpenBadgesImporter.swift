import CredenceValues
import Foundation
import GRDB

/// Imports 1EdTech Open Badges 3.0 `AchievementCredential` / `OpenBadgeCredential` JSON:
/// one credential, an array of them, or a CLR 2.0 `ClrCredential` bundling several.
///
/// The achievement becomes a `credentials` row (added only if its code is new), the
/// subject a learner (added only if new) and an award. Proofs are not verified here.
/// docs/decisions.md records the mapping choices.
struct OpenBadgesImporter {
  let fileName: String
  let session: ImportSession

  /// Subject identifier types that carry the institution's own learner id, preferred in
  /// this order over the subject's `id` (usually a DID).
  static let institutionalIdentifierTypes = [
    "sisSourcedId", "sourcedId", "oneRosterSourcedId", "lisSourcedId", "systemId", "identifier",
  ]

  /// `achievementType` → the contract's credential `type`; anything else is a `badge`.
  static let credentialTypes: [String: String] = [
    "MicroCredential": "micro-credential",
    "Course": "course",
    "Assignment": "module", "Assessment": "module", "Competency": "module",
    "Certificate": "certificate", "CertificateOfCompletion": "certificate",
    "Certification": "certificate", "MasterCertificate": "certificate",
    "ApprenticeshipCertificate": "certificate", "JourneymanCertificate": "certificate",
    "Diploma": "diploma", "SecondarySchoolDiploma": "diploma",
    "GeneralEducationDevelopment": "diploma",
    "Degree": "degree", "AssociateDegree": "degree", "BachelorDegree": "degree",
    "MasterDegree": "degree", "DoctoralDegree": "degree", "ProfessionalDoctorate": "degree",
    "ResearchDoctorate": "degree",
  ]

  /// Result types whose value is a number (a score), not a grade word.
  static let numericResultTypes: Set<String> = [
    "GradePointAverage", "Percent", "RawScore", "ScaledScore", "RubricScore", "PredictedScore",
  ]

  private func fail(_ path: String, _ message: String, help: String? = nil) -> StoreError {
    StoreError(.invalidInput, message, at: "\(fileName): \(path)", help: help)
  }

  /// `text`, an id or code read at `path`, if it is printable and has no NUL byte.
  private func key(_ text: String, _ what: String, at path: String) throws -> String {
    if let problem = ImportValue.textProblem(text, isKey: true) {
      throw fail(
        path, "\(what) is \(problem.explanation)",
        help: "ids and codes are stored as printable text; correct the issuer's data")
    }
    return text
  }

  /// Imports a whole parsed document.
  func importDocument(_ document: JSONValue) throws {
    switch document {
    case .array(let items):
      for (index, item) in items.enumerated() { try importCredential(item, path: "$[\(index)]") }
    case .object:
      try importCredential(document, path: "$")
    default:
      throw fail(
        "$",
        "expected an Open Badges credential (an object) or an array of them, not \(document.kindName)"
      )
    }
  }

  private func types(_ object: JSONObject) -> [String] {
    (object["type"]?.asList ?? []).compactMap(\.string)
  }

  private func importCredential(_ value: JSONValue, path: String) throws {
    let resolved = try resolveJWT(value, path: path)
    guard let object = resolved.object else {
      throw fail(path, "expected a credential object, not \(resolved.kindName)")
    }
    let types = types(object)
    if types.contains("ClrCredential") {
      try importCLR(object, path: path)
    } else if types.contains("AchievementCredential") || types.contains("OpenBadgeCredential") {
      try importAchievementCredential(object, path: path)
    } else {
      throw fail(
        "\(path).type",
        "not an Open Badges `AchievementCredential` or `OpenBadgeCredential`, nor a CLR `ClrCredential`",
        help: "`type` must list one of them beside `VerifiableCredential`")
    }
  }

  private func importCLR(_ clr: JSONObject, path: String) throws {
    guard let subject = clr["credentialSubject"]?.object else {
      throw fail(path, "the CLR has no `credentialSubject` object")
    }
    let subjectPath = "\(path).credentialSubject"
    for (index, achievement) in (subject["achievement"]?.asList ?? []).enumerated() {
      guard let achievement = achievement.object else { continue }
      _ = try importAchievement(
        achievement, path: "\(subjectPath).achievement[\(index)]", provider: nil)
    }
    let credentials = subject["verifiableCredential"]?.asList ?? []
    if credentials.isEmpty {
      throw fail(subjectPath, "the CLR holds no `verifiableCredential`")
    }
    for (index, credential) in credentials.enumerated() {
      try importCredential(credential, path: "\(subjectPath).verifiableCredential[\(index)]")
    }
  }

  private func importAchievementCredential(_ credential: JSONObject, path: String) throws {
    guard let awardID = credential["id"]?.string, !awardID.isEmpty else {
      throw fail(path, "the credential has no `id`")
    }
    _ = try key(awardID, "the credential's `id`", at: "\(path).id")
    let issuer = credential["issuer"]
    let issuerID = issuer?.string ?? issuer?.object?["id"]?.string
    let issuerName = issuer?.object?["name"]?.string

    let awardedOn: String
    if let (field, value) = firstPresent(credential, ["awardedDate", "validFrom", "issuanceDate"]) {
      awardedOn = try date(value, path: "\(path).\(field)")
    } else {
      throw fail(
        path, "the credential has no `validFrom` (VC 2.0) or `issuanceDate` (VC 1.1)")
    }
    var expiresOn: String?
    if let (field, value) = firstPresent(credential, ["validUntil", "expirationDate"]) {
      expiresOn = try date(value, path: "\(path).\(field)")
    }

    let subjectPath = "\(path).credentialSubject"
    var subjects = credential["credentialSubject"]?.asList ?? []
    if subjects.count > 1 {
      throw fail(
        subjectPath, "the credential has \(subjects.count) subjects; Open Badges allows one")
    }
    guard let subject = subjects.popLast()?.object else {
      throw fail(path, "the credential has no `credentialSubject` object")
    }
    let learnerID = try learnerID(subject, path: subjectPath)
    guard let achievement = subject["achievement"]?.object else {
      throw fail(subjectPath, "the subject has no `achievement` object")
    }
    let code = try importAchievement(
      achievement, path: "\(subjectPath).achievement", provider: issuerName)
    let (grade, score) = try result(subject, achievement: achievement, path: subjectPath)

    try session.insert(
      into: Contract.learners, columns: ["id"], values: [learnerID.databaseValue],
      orIgnore: true, at: "\(fileName): \(subjectPath)")
    try session.insert(
      into: Contract.awards,
      columns: [
        "id", "learner_id", "credential_code", "awarded_on", "expires_on", "grade", "score",
        "status", "source",
      ],
      values: [
        awardID.databaseValue, learnerID.databaseValue, code.databaseValue,
        awardedOn.databaseValue, expiresOn?.databaseValue ?? .null, grade?.databaseValue ?? .null,
        score ?? .null, "valid".databaseValue, (issuerID ?? fileName).databaseValue,
      ],
      at: "\(fileName): \(path).id")
  }

  private func firstPresent(_ object: JSONObject, _ fields: [String]) -> (String, JSONValue)? {
    for field in fields {
      if let value = object[field], value != .null { return (field, value) }
    }
    return nil
  }

  /// The calendar date of a `DateTimeZ` (or plain date), as written: the issuer's date.
  private func date(_ value: JSONValue, path: String) throws -> String {
    guard let text = value.string, let date = Self.calendarDate(ofDateTime: text) else {
      throw fail(path, "not a date-time (expected YYYY-MM-DDThh:mm:ssZ)")
    }
    return date
  }

  /// `YYYY-MM-DD` from `YYYY-MM-DD[Thh:mm[:ss[.fff]][Z|±hh:mm]]`, or `nil` if malformed.
  static func calendarDate(ofDateTime text: String) -> String? {
    let utf8 = Array(text.utf8)
    guard utf8.count >= 10 else { return nil }
    let day = String(decoding: utf8[0..<10], as: UTF8.self)
    guard CivilDate(parsing: day) != nil else { return nil }
    let rest = utf8[10...]
    if rest.isEmpty { return day }
    guard rest.first == UInt8(ascii: "T") || rest.first == UInt8(ascii: "t") else { return nil }
    let allowed = Set("0123456789:.+-Zz".utf8)
    guard rest.dropFirst().allSatisfy(allowed.contains), rest.count >= 6,
      rest[rest.startIndex + 3] == UInt8(ascii: ":")
    else { return nil }
    return day
  }

  /// The learner id of a subject; docs/decisions.md explains the order.
  private func learnerID(_ subject: JSONObject, path: String) throws -> String {
    // Each identifier object with its place in the array, for the path of an error.
    let identifiers = (subject["identifier"]?.asList ?? []).enumerated().compactMap {
      index, value in value.object.map { (index: index, object: $0) }
    }
    func plain(_ identity: JSONObject) -> String? {
      if case .bool(true) = identity["hashed"] ?? .null { return nil }
      return identity["identityHash"]?.string
    }
    let what = "the learner id"
    for type in Self.institutionalIdentifierTypes {
      if let identity = identifiers.first(where: { $0.object["identityType"]?.string == type }),
        let value = plain(identity.object), !value.isEmpty
      {
        return try key(value, what, at: "\(path).identifier[\(identity.index)].identityHash")
      }
    }
    if let id = subject["id"]?.string, !id.isEmpty { return try key(id, what, at: "\(path).id") }
    if let identity = identifiers.first(where: { $0.object["identityHash"]?.string != nil }),
      let value = identity.object["identityHash"]?.string, !value.isEmpty
    {
      return try key(value, what, at: "\(path).identifier[\(identity.index)].identityHash")
    }
    throw fail(
      path, "the subject has neither an `id` nor an `identifier`",
      help: "Open Badges 3.0 requires one of them to name the learner")
  }

  /// Adds the achievement to the catalogue if its code is new; returns the code.
  private func importAchievement(_ achievement: JSONObject, path: String, provider: String?)
    throws -> String
  {
    guard let id = achievement["id"]?.string, !id.isEmpty else {
      throw fail(path, "the achievement has no `id`")
    }
    guard let title = achievement["name"]?.string else {
      throw fail(path, "the achievement has no `name`")
    }
    let humanCode = achievement["humanCode"]?.string.flatMap { $0.isEmpty ? nil : $0 }
    let code = try key(
      humanCode ?? id, "the achievement's code",
      at: "\(path).\(humanCode == nil ? "id" : "humanCode")")
    let achievementType = achievement["achievementType"]?.string ?? ""
    let type = Self.credentialTypes[achievementType] ?? "badge"
    var credits: DatabaseValue = .null
    if let value = achievement["creditsAvailable"], value != .null {
      guard case .number(let text) = value, let decimal = Self.decimal(fromJSONNumber: text) else {
        throw fail("\(path).creditsAvailable", "not a number")
      }
      credits = decimal
    }
    let creator = achievement["creator"]?.object?["name"]?.string ?? provider
    let field = achievement["fieldOfStudy"]?.string
    let added = try session.insert(
      into: Contract.credentials,
      columns: ["code", "title", "provider", "type", "credits", "field"],
      values: [
        code.databaseValue, title.databaseValue, creator?.databaseValue ?? .null,
        type.databaseValue, credits, field?.databaseValue ?? .null,
      ],
      orIgnore: true, at: "\(fileName): \(path)")
    // Tags come with a new catalogue entry only: an existing entry keeps the tags the
    // institution gave it.
    guard added else { return code }
    var tags: [String] = []
    for alignment in (achievement["alignment"]?.asList ?? []).compactMap(\.object) {
      if let tag = alignment["targetCode"]?.string ?? alignment["targetName"]?.string,
        !tag.isEmpty
      {
        tags.append(tag)
      }
    }
    tags += (achievement["tag"]?.asList ?? []).compactMap(\.string).filter { !$0.isEmpty }
    for tag in tags {
      try session.insert(
        into: Contract.credentialTags, columns: ["credential_code", "tag"],
        values: [code.databaseValue, tag.databaseValue], orIgnore: true,
        at: "\(fileName): \(path).alignment")
    }
    return code
  }

  /// The grade and score from the subject's results, read through the achievement's
  /// result descriptions: a numeric result type gives the score, anything else the grade.
  private func result(_ subject: JSONObject, achievement: JSONObject, path: String) throws -> (
    String?, DatabaseValue?
  ) {
    var descriptions: [String: String] = [:]
    for description in (achievement["resultDescription"]?.asList ?? []).compactMap(\.object) {
      if let id = description["id"]?.string, let type = description["resultType"]?.string {
        descriptions[id] = type
      }
    }
    var grade: String?
    var score: DatabaseValue?
    for (index, result) in (subject["result"]?.asList ?? []).enumerated() {
      guard let result = result.object, let value = result["value"] else { continue }
      let text: String
      switch value {
      case .string(let string): text = string
      case .number(let number): text = number
      default: throw fail("\(path).result[\(index)].value", "not a string or a number")
      }
      let type = result["resultDescription"]?.string.flatMap { descriptions[$0] }
      let numeric = Self.decimal(fromJSONNumber: text)
      if let numeric, type.map(Self.numericResultTypes.contains) ?? true {
        if score == nil { score = numeric }
      } else if grade == nil {
        grade = text
      }
    }
    return (grade, score)
  }

  /// A JSON number as an exact stored value; exponent forms go through their shortest
  /// round-trip decimal.
  static func decimal(fromJSONNumber text: String) -> DatabaseValue? {
    if let value = ImportValue.decimal(text) { return value }
    guard let double = Double(text), let exact = ExactDecimal(shortestRoundTrip: double) else {
      return nil
    }
    return ImportValue.decimal(exact.description)
  }

  /// A VC-JWT string (`header.payload.signature`) becomes its payload's credential (`vc`
  /// claim for VC 1.1, the payload itself for VC 2.0); other values pass through.
  private func resolveJWT(_ value: JSONValue, path: String) throws -> JSONValue {
    guard case .string(let token) = value else { return value }
    let parts = token.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 3, let payload = Self.base64URLDecode(parts[1]),
      let document = try? JSONParser.parse(payload), let object = document.object
    else {
      throw fail(path, "a string that is not a VC-JWT credential")
    }
    return object["vc"] ?? document
  }

  static func base64URLDecode(_ text: Substring) -> [UInt8]? {
    var base64 = text.replacingOccurrences(of: "-", with: "+")
      .replacingOccurrences(of: "_", with: "/")
    while base64.count % 4 != 0 { base64 += "=" }
    return Data(base64Encoded: base64).map { Array($0) }
  }
}
