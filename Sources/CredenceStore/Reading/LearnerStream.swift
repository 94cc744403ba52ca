import CredenceRecords
import CredenceValues
import GRDB

/// Learners with their rows, assembled by merging five cursors ordered by learner id.
///
/// One query per table for the whole read, never one per learner; memory holds one
/// learner and one pending row per table, whatever the number of learners. Each row is
/// decoded straight into the records model, the lists sorted into the order policies see
/// while the stream still owns them alone (sorting a shared array would copy it).
struct LearnerStream {
  private var learners: RawRows
  private var awards: ChildRows<Award>
  private var enrolments: ChildRows<Enrolment>
  private var ledger: ChildRows<LedgerEntry>
  /// `nil` when the reader asked for no facts.
  private var facts: ChildRows<LearnerFact>?
  /// Repeated texts of the learners' rows (citizenship, residency).
  private let texts: TextCache<String>
  /// The current learner id's UTF-8 bytes.
  private let idScratch = ByteScratch()
  /// Whether the learners cursor stands on a row not yet read: looking for copies of a
  /// learner's id reads one row past it.
  private var learnerRowPending = false

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
    let items = CatalogueItems(catalogue)
    self.texts = texts
    learners = try cursor(
      "id, name, birth_date, citizenship, residency", from: "learners",
      orderBy: "id COLLATE BINARY")
    awards = ChildRows(
      cursor: try cursor(
        "learner_id, id, credential_code, awarded_on, expires_on, grade, score, status, source",
        from: "awards", where: "status IS NOT 'revoked'",
        orderBy: "learner_id COLLATE BINARY, id COLLATE BINARY"),
      decode: { row, errors in Self.award(row, items, credentials, texts, &errors) })
    enrolments = ChildRows(
      cursor: try cursor(
        "learner_id, id, credential_code, start_on, end_on, fee, currency, status",
        from: "enrolments", orderBy: "learner_id COLLATE BINARY, id COLLATE BINARY"),
      decode: { row, errors in
        Self.enrolment(row, items, credentials, texts, &errors)
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
    while try learnerRowPending || learners.next() {
      learnerRowPending = false
      // Learner rows without an id (a foreign store) are one learner that cannot be
      // evaluated, reported rather than passed over.
      guard let id = ColumnReader.text(learners.handle, 0) else {
        let rows = try rowsHolding(nil)
        return .invalid(
          id: LearnerID(Self.noID),
          errors: [
            RecordError(
              table: "learners", row: rows == 1 ? Self.noID : "\(Self.noID) ×\(rows)",
              column: "id", problem: .missing)
          ])
      }
      var reader = ColumnReader(learners, table: "learners", key: id)
      let name = reader.text(1, "name")
      let birthDate = reader.date(2, "birth_date")
      let citizenship = reader.text(3, "citizenship", cache: texts)
      let residency = reader.choice(4, "residency", Words.residency)
      var errors = reader.errors
      // Two learner rows with one id would be two contradictory learners.
      let rows = try rowsHolding(id)
      if rows > 1 {
        errors.append(
          RecordError(table: "learners", row: id, column: "id", problem: .duplicateKey(rows: rows)))
      }
      var awardItems: [Award] = []
      var enrolmentItems: [Enrolment] = []
      var ledgerItems: [LedgerEntry] = []
      var factItems: [LearnerFact] = []
      // Child rows are matched against the id's bytes, copied once per learner (a closure
      // over the id's own storage would copy this stream's state instead).
      let idBytes = idScratch.bytes(of: id)
      try awards.take(for: idBytes, into: &awardItems, errors: &errors)
      try enrolments.take(for: idBytes, into: &enrolmentItems, errors: &errors)
      try ledger.take(for: idBytes, into: &ledgerItems, errors: &errors)
      try facts?.take(for: idBytes, into: &factItems, errors: &errors)
      errors += DuplicateKeys.errors(
        learner: id, awards: awardItems, enrolments: enrolmentItems, ledger: ledgerItems,
        facts: factItems)
      guard errors.isEmpty else {
        return .invalid(
          id: LearnerID(id), errors: Array(errors.prefix(LearnerRecord.maxErrorsPerLearner)))
      }
      RecordOrder.sort(&awardItems, by: RecordOrder.before)
      RecordOrder.sort(&enrolmentItems, by: RecordOrder.before)
      RecordOrder.sort(&ledgerItems, by: RecordOrder.before)
      return .valid(
        Learner(
          id: LearnerID(id), name: name, birthDate: birthDate, citizenship: citizenship,
          residency: residency?.rawValue, awards: awardItems, enrolments: enrolmentItems,
          ledger: ledgerItems, facts: factItems))
    }
    return nil
  }

  /// What stands for the id of learner rows whose id is NULL.
  static let noID = "(no id)"

  /// How many learner rows hold `id` (nil: NULL), the current one included, reading on
  /// to the first row that holds another id (left pending). Rows come in id order, so
  /// copies are neighbours.
  private mutating func rowsHolding(_ id: String?) throws -> Int {
    var rows = 1
    while try learners.next() {
      let next = ColumnReader.text(learners.handle, 0)
      let same =
        switch (id, next) {
        case (nil, nil): true
        case (let id?, let next?): id.utf8.elementsEqual(next.utf8)
        default: false
        }
      guard same else {
        learnerRowPending = true
        break
      }
      rows += 1
    }
    return rows
  }

  // MARK: Decoding one row of each child table

  private static func award(
    _ row: RawRows, _ catalogue: CatalogueItems, _ credentials: TextCache<Credential>,
    _ texts: TextCache<String>, _ errors: inout [RecordError]
  ) -> Award? {
    guard let id = ColumnReader.text(row.handle, 1) else {
      errors.append(missingKey("awards"))
      return nil
    }
    var reader = ColumnReader(row, table: "awards", key: id)
    // The credential found by its code's bytes; the code is made text only when they are
    // not found (then it reads, and fails, as before).
    let found = reader.cached(2, credentials) {
      catalogue.items[String(decoding: $0, as: UTF8.self)]
    }
    let code = found == nil ? reader.text(2, "credential_code", required: true, cache: texts) : nil
    let awardedOn = reader.date(3, "awarded_on", required: true)
    let expiresOn = reader.date(4, "expires_on")
    let grade = reader.text(5, "grade", cache: texts)
    let score = reader.decimal(6, "score")
    _ = reader.choice(7, "status", Words.awardStatus, required: true)
    let source = reader.text(8, "source", cache: texts)
    var credential = found
    if found == nil, let code {
      credential = Self.credential(
        code, column: 2, &reader, catalogue, credentials, from: "awards", key: id)
    }
    errors.append(contentsOf: reader.errors)
    guard reader.errors.isEmpty, let credential, let awardedOn else { return nil }
    return Award(
      id: id, credential: credential, awardedOn: awardedOn, expiresOn: expiresOn, grade: grade,
      score: score, source: source)
  }

  private static func enrolment(
    _ row: RawRows, _ catalogue: CatalogueItems, _ credentials: TextCache<Credential>,
    _ texts: TextCache<String>, _ errors: inout [RecordError]
  ) -> Enrolment? {
    guard let id = ColumnReader.text(row.handle, 1) else {
      errors.append(missingKey("enrolments"))
      return nil
    }
    var reader = ColumnReader(row, table: "enrolments", key: id)
    // The credential found by its code's bytes; the code is made text only when they are
    // not found (then it reads, and fails, as before).
    let found = reader.cached(2, credentials) {
      catalogue.items[String(decoding: $0, as: UTF8.self)]
    }
    let code = found == nil ? reader.text(2, "credential_code", required: true, cache: texts) : nil
    let startOn = reader.date(3, "start_on", required: true)
    let endOn = reader.date(4, "end_on")
    let status = reader.choice(7, "status", Words.enrolmentStatus, required: true)
    var credential = found
    if found == nil, let code {
      credential = Self.credential(
        code, column: 2, &reader, catalogue, credentials, from: "enrolments", key: id)
    }
    // An enrolment fee without its own currency is in the catalogue fee's currency.
    let fee = reader.money(
      amount: 5, "fee", currency: 6, "currency",
      fallback: credential?.fee?.currency)
    errors.append(contentsOf: reader.errors)
    guard reader.errors.isEmpty, let credential, let startOn, let status else { return nil }
    // Policies see the fee charged: the enrolment's own, else the catalogue's list fee.
    return Enrolment(
      id: id, credential: credential, startOn: startOn, endOn: endOn,
      fee: fee ?? credential.fee, status: status.rawValue)
  }

  private static func ledgerEntry(
    _ row: RawRows, _ texts: TextCache<String>, _ errors: inout [RecordError]
  ) -> LedgerEntry? {
    guard let id = ColumnReader(row, table: "funding_ledger").storedInteger(1) else {
      errors.append(
        RecordError(
          table: "funding_ledger", row: ColumnReader.text(row.handle, 1) ?? "(no id)",
          column: "id", problem: .notAWholeNumber))
      return nil
    }
    var reader = ColumnReader(row, table: "funding_ledger", key: String(id))
    let scheme = reader.text(2, "scheme", required: true, cache: texts)
    let amount = reader.money(amount: 3, "amount", currency: 4, "currency", required: true)
    let postedOn = reader.date(5, "posted_on", required: true)
    let expiresOn = reader.date(6, "expires_on")
    let memo = reader.text(7, "memo", cache: texts)
    errors.append(contentsOf: reader.errors)
    guard reader.errors.isEmpty, let scheme, let amount, let postedOn else {
      return nil
    }
    return LedgerEntry(
      id: id, scheme: scheme, amount: amount, postedOn: postedOn, expiresOn: expiresOn,
      memo: memo)
  }

  /// The catalogue entry that column `column` (holding `code`) names, through `cache` when
  /// the column is TEXT; a broken or dangling reference is an error of the referring row.
  private static func credential(
    _ code: String, column: Int, _ reader: inout ColumnReader,
    _ catalogue: CatalogueItems, _ cache: TextCache<Credential>,
    from table: String, key: String
  ) -> Credential? {
    if let found = reader.cached(column, cache, { catalogue.items[code] }) { return found }
    if let found = catalogue.items[code] { return found }
    switch catalogue.catalogue.credential(
      code, from: table, key: key, column: "credential_code")
    {
    case .success(let found): return found
    case .failure(let error):
      reader.errors.append(error)
      return nil
    }
  }

  private static func fact(_ row: RawRows, _ errors: inout [RecordError]) -> LearnerFact? {
    guard let learnerID = ColumnReader.text(row.handle, 0),
      let name = ColumnReader.text(row.handle, 1)
    else { return nil }
    var reader = ColumnReader(row, table: "learner_facts", key: "\(learnerID) / \(name)")
    let value = reader.text(2, "value")
    errors.append(contentsOf: reader.errors)
    guard reader.errors.isEmpty else { return nil }
    return LearnerFact(name: name, value: value)
  }
}

/// The catalogue's valid entries, once per stream, so that every row naming a credential
/// shares one `Credential` storage.
final class CatalogueItems {
  let catalogue: Catalogue
  let items: [String: Credential]

  init(_ catalogue: Catalogue) {
    self.catalogue = catalogue
    var items: [String: Credential] = [:]
    items.reserveCapacity(catalogue.entries.count)
    for (code, entry) in catalogue.entries {
      if case .valid(let credential) = entry { items[code] = credential }
    }
    self.items = items
  }
}

/// A reusable buffer holding the UTF-8 bytes of one text at a time. Not thread-safe: one
/// per stream.
final class ByteScratch {
  private var start: UnsafeMutablePointer<UInt8>
  private var capacity: Int

  init(capacity: Int = 64) {
    self.capacity = capacity
    start = .allocate(capacity: capacity)
  }

  deinit { start.deallocate() }

  /// The bytes of `text`, valid until the next call.
  func bytes(of text: String) -> UnsafeBufferPointer<UInt8> {
    let count = text.utf8.count
    if count > capacity {
      start.deallocate()
      capacity = max(count, capacity * 2)
      start = .allocate(capacity: capacity)
    }
    var index = 0
    for byte in text.utf8 {
      start[index] = byte
      index += 1
    }
    return UnsafeBufferPointer(start: start, count: count)
  }
}

/// The error for a child row whose key is NULL (possible only in a foreign database).
private func missingKey(_ table: String) -> RecordError {
  RecordError(table: table, row: "(no id)", column: "id", problem: .missing)
}
