import CredenceRecords
import CredenceValues
import GRDB

/// Learners with their rows, assembled by merging five cursors ordered by learner id.
///
/// One query per table for the whole read, never one per learner; memory holds one
/// learner and one pending row per table, whatever the number of learners.
struct LearnerStream {
  private var learners: RawRows
  private var awards: ChildRows<Award>
  private var enrolments: ChildRows<Enrolment>
  private var ledger: ChildRows<LedgerEntry>
  /// `nil` when the reader asked for no facts.
  private var facts: ChildRows<LearnerFact>?
  /// Repeated texts of the learners' rows (citizenship, residency).
  private let texts: TextCache<String>

  init(_ db: Database, filter: LearnerFilter, catalogue: Catalogue, facts readsFacts: Bool = true)
    throws
  {
    func cursor(_ columns: String, from table: String, where extra: String? = nil, orderBy: String)
      throws -> RawRows
    {
      let (condition, arguments) = filter.condition(
        on: table == "learners" ? "id" : "learner_id")
      let conditions = [extra, condition].compactMap { $0 }.joined(separator: " AND ")
      return try RawRows(
        db, sql: "SELECT \(columns) FROM \(table) WHERE \(conditions) ORDER BY \(orderBy)",
        arguments: arguments)
    }
    // Per stream: the decoding closures below run on the reading thread only.
    let texts = TextCache<String>()
    let credentials = TextCache<Credential>()
    self.texts = texts
    learners = try cursor(
      "id, name, birth_date, citizenship, residency", from: "learners",
      orderBy: "id COLLATE BINARY")
    awards = ChildRows(
      cursor: try cursor(
        "learner_id, id, credential_code, awarded_on, expires_on, grade, score, status, source",
        from: "awards", where: "status IS NOT 'revoked'",
        orderBy: "learner_id COLLATE BINARY, id COLLATE BINARY"),
      decode: { row, errors in Self.award(row, catalogue, credentials, texts, &errors) })
    enrolments = ChildRows(
      cursor: try cursor(
        "learner_id, id, credential_code, start_on, end_on, fee, currency, status",
        from: "enrolments", orderBy: "learner_id COLLATE BINARY, id COLLATE BINARY"),
      decode: { row, errors in
        Self.enrolment(row, catalogue, credentials, texts, &errors)
      })
    ledger = ChildRows(
      cursor: try cursor(
        "learner_id, id, scheme, amount, currency, posted_on, expires_on, memo",
        from: "funding_ledger", orderBy: "learner_id COLLATE BINARY, id"),
      decode: { row, errors in Self.ledgerEntry(row, texts, &errors) })
    facts =
      readsFacts
      ? ChildRows(
        cursor: try cursor(
          "learner_id, name, value", from: "learner_facts",
          orderBy: "learner_id COLLATE BINARY, name COLLATE BINARY"),
        decode: { row, errors in Self.fact(row, &errors) }) : nil
  }

  /// The next learner in id order, or `nil` at the end.
  mutating func next() throws -> LearnerRecord? {
    while try learners.next() {
      // A learner row without an id cannot be named or evaluated.
      guard let id = ColumnReader.text(learners.handle, 0) else { continue }
      var reader = ColumnReader(learners, table: "learners", key: id)
      let name = reader.text(1, "name")
      let birthDate = reader.date(2, "birth_date")
      let citizenship = reader.text(3, "citizenship", cache: texts)
      let residency = reader.choice(
        4, "residency", Contract.residencies, as: Residency.self, cache: texts)
      var errors = reader.errors
      var learner = Learner(
        id: LearnerID(id), name: name, birthDate: birthDate, citizenship: citizenship,
        residency: residency)
      try awards.take(for: id, into: &learner.awards, errors: &errors)
      try enrolments.take(for: id, into: &learner.enrolments, errors: &errors)
      try ledger.take(for: id, into: &learner.ledger, errors: &errors)
      try facts?.take(for: id, into: &learner.facts, errors: &errors)
      if errors.isEmpty { return .valid(learner) }
      return .invalid(
        id: learner.id, errors: Array(errors.prefix(LearnerRecord.maxErrorsPerLearner)))
    }
    return nil
  }

  // MARK: Decoding one row of each child table

  private static func award(
    _ row: RawRows, _ catalogue: Catalogue, _ credentials: TextCache<Credential>,
    _ texts: TextCache<String>, _ errors: inout [RecordError]
  ) -> (learnerID: String?, item: Award?) {
    let learnerID = ColumnReader.text(row.handle, 0)
    guard let id = ColumnReader.text(row.handle, 1) else {
      errors.append(missingKey("awards"))
      return (learnerID, nil)
    }
    var reader = ColumnReader(row, table: "awards", key: id)
    let code = reader.text(2, "credential_code", required: true, cache: texts)
    let awardedOn = reader.date(3, "awarded_on", required: true)
    let expiresOn = reader.date(4, "expires_on")
    let grade = reader.text(5, "grade", cache: texts)
    let score = reader.decimal(6, "score")
    _ = reader.choice(
      7, "status", Contract.awardStatuses, required: true, as: AwardStatus.self, cache: texts)
    let source = reader.text(8, "source", cache: texts)
    var credential: Credential?
    if let code {
      credential = Self.credential(
        code, column: 2, &reader, catalogue, credentials, from: "awards", key: id)
    }
    errors.append(contentsOf: reader.errors)
    guard reader.errors.isEmpty, let credential, let awardedOn else { return (learnerID, nil) }
    return (
      learnerID,
      Award(
        id: id, credential: credential, awardedOn: awardedOn, expiresOn: expiresOn, grade: grade,
        score: score, source: source)
    )
  }

  private static func enrolment(
    _ row: RawRows, _ catalogue: Catalogue, _ credentials: TextCache<Credential>,
    _ texts: TextCache<String>, _ errors: inout [RecordError]
  ) -> (learnerID: String?, item: Enrolment?) {
    let learnerID = ColumnReader.text(row.handle, 0)
    guard let id = ColumnReader.text(row.handle, 1) else {
      errors.append(missingKey("enrolments"))
      return (learnerID, nil)
    }
    var reader = ColumnReader(row, table: "enrolments", key: id)
    let code = reader.text(2, "credential_code", required: true, cache: texts)
    let startOn = reader.date(3, "start_on", required: true)
    let endOn = reader.date(4, "end_on")
    let status = reader.choice(
      7, "status", Contract.enrolmentStatuses, required: true, as: EnrolmentStatus.self,
      cache: texts)
    var credential: Credential?
    if let code {
      credential = Self.credential(
        code, column: 2, &reader, catalogue, credentials, from: "enrolments", key: id)
    }
    // An enrolment fee without its own currency is in the catalogue fee's currency.
    let fee = reader.money(
      amount: 5, "fee", currency: 6, "currency", fallback: credential?.fee?.currency)
    errors.append(contentsOf: reader.errors)
    guard reader.errors.isEmpty, let credential, let startOn, let status else {
      return (learnerID, nil)
    }
    return (
      learnerID,
      Enrolment(
        id: id, credential: credential, startOn: startOn, endOn: endOn, fee: fee, status: status)
    )
  }

  private static func ledgerEntry(
    _ row: RawRows, _ texts: TextCache<String>, _ errors: inout [RecordError]
  ) -> (learnerID: String?, item: LedgerEntry?) {
    let learnerID = ColumnReader.text(row.handle, 0)
    guard let id = ColumnReader(row, table: "funding_ledger").storedInteger(1) else {
      errors.append(
        RecordError(
          table: "funding_ledger", row: ColumnReader.text(row.handle, 1) ?? "(no id)",
          column: "id", problem: .notAWholeNumber))
      return (learnerID, nil)
    }
    var reader = ColumnReader(row, table: "funding_ledger", key: String(id))
    let scheme = reader.text(2, "scheme", required: true, cache: texts)
    let amount = reader.money(amount: 3, "amount", currency: 4, "currency", required: true)
    let postedOn = reader.date(5, "posted_on", required: true)
    let expiresOn = reader.date(6, "expires_on")
    let memo = reader.text(7, "memo", cache: texts)
    errors.append(contentsOf: reader.errors)
    guard reader.errors.isEmpty, let scheme, let amount, let postedOn else {
      return (learnerID, nil)
    }
    return (
      learnerID,
      LedgerEntry(
        id: id, scheme: scheme, amount: amount, postedOn: postedOn, expiresOn: expiresOn,
        memo: memo)
    )
  }

  /// The catalogue entry that column `column` (holding `code`) names, through `cache` when
  /// the column is TEXT; a broken or dangling reference is an error of the referring row.
  private static func credential(
    _ code: String, column: Int, _ reader: inout ColumnReader, _ catalogue: Catalogue,
    _ cache: TextCache<Credential>, from table: String, key: String
  ) -> Credential? {
    let found = reader.cached(column, cache) {
      if case .valid(let credential)? = catalogue.entries[code] { credential } else { nil }
    }
    if let found { return found }
    switch catalogue.credential(code, from: table, key: key, column: "credential_code") {
    case .success(let found): return found
    case .failure(let error):
      reader.errors.append(error)
      return nil
    }
  }

  private static func fact(_ row: RawRows, _ errors: inout [RecordError]) -> (
    learnerID: String?, item: LearnerFact?
  ) {
    let learnerID = ColumnReader.text(row.handle, 0)
    guard let learnerID, let name = ColumnReader.text(row.handle, 1) else {
      return (learnerID, nil)
    }
    var reader = ColumnReader(row, table: "learner_facts", key: "\(learnerID) / \(name)")
    let value = reader.text(2, "value")
    errors.append(contentsOf: reader.errors)
    guard reader.errors.isEmpty else { return (learnerID, nil) }
    return (learnerID, LearnerFact(name: name, value: value))
  }
}

/// The error for a child row whose key is NULL (possible only in a foreign database).
private func missingKey(_ table: String) -> RecordError {
  RecordError(table: table, row: "(no id)", column: "id", problem: .missing)
}

/// An award's status word; revoked rows are filtered out before decoding.
private enum AwardStatus: String {
  case valid
  case revoked
}
