import CredenceRecords
import CredenceValues

extension LearnerView {
  /// The view of a stored learner.
  public init(_ learner: Learner) {
    self.init(learner, credentials: CredentialRowCache())
  }

  /// The view of a stored learner, catalogue rows shared through `cache` (one per thread,
  /// kept across learners: most awards of a batch name a few hundred credentials).
  public init(_ learner: Learner, credentials cache: CredentialRowCache) {
    func row(_ credential: Credential) -> CredentialRow { cache.row(for: credential) }
    var facts: [String: String?] = [:]
    for fact in learner.facts { facts[fact.name] = fact.value }
    self.init(
      id: learner.id.text, name: learner.name, birthDate: learner.birthDate,
      citizenship: learner.citizenship, residency: learner.residency?.rawValue,
      awards: learner.awards.map { award in
        AwardRow(
          id: award.id, credential: row(award.credential), awardedOn: award.awardedOn,
          expiresOn: award.expiresOn, grade: award.grade, score: award.score,
          source: award.source)
      },
      enrolments: learner.enrolments.map { enrolment in
        EnrolmentRow(
          id: enrolment.id, credential: row(enrolment.credential), startOn: enrolment.startOn,
          endOn: enrolment.endOn, fee: enrolment.effectiveFee, status: enrolment.status.rawValue)
      },
      ledger: learner.ledger.map { entry in
        LedgerRow(
          id: entry.id, scheme: entry.scheme, amount: entry.amount, postedOn: entry.postedOn,
          expiresOn: entry.expiresOn, memo: entry.memo)
      },
      factTexts: facts)
  }
}

extension CredentialRow {
  /// The row of a catalogue entry.
  public init(_ credential: Credential) {
    self.init(
      code: credential.code, title: credential.title, provider: credential.provider,
      type: credential.type.rawValue, credits: credential.credits,
      creditSystem: credential.creditSystem, level: credential.level.map { ExactDecimal($0) },
      field: credential.field, hours: credential.hours.map { ExactDecimal($0) },
      fee: credential.fee, tags: credential.tags)
  }
}

/// Catalogue rows already converted for policies, by credential code, so a batch converts
/// each credential once rather than once per award. Not thread-safe: one per session.
public final class CredentialRowCache {
  /// The most credentials kept; past it the cache starts over (a store's catalogue is
  /// normally far smaller, so this only bounds memory on a pathological store).
  public static let maximumEntries = 65_536

  private var rows: [String: (credential: Credential, row: CredentialRow)] = [:]
  /// The rows of the credentials in ``rows``, by the identity of their storage: copies of
  /// one catalogue entry (every award read in one transaction) are found without hashing the
  /// code. ``rows`` keeps each credential alive, so an identity is never reused while here.
  private var rowsByIdentity: [ObjectIdentifier: CredentialRow] = [:]

  public init() {}

  /// How many credentials are cached.
  public var count: Int { rows.count }

  /// The row for `credential`: the cached one when the same credential was seen before.
  public func row(for credential: Credential) -> CredentialRow {
    let identity = credential.storageIdentity
    if let row = rowsByIdentity[identity] { return row }
    if let cached = rows[credential.code], cached.credential == credential {
      // An equal entry read in another transaction: keep this copy alive in its place.
      rowsByIdentity[cached.credential.storageIdentity] = nil
      rows[credential.code] = (credential, cached.row)
      rowsByIdentity[identity] = cached.row
      return cached.row
    }
    if rows.count >= Self.maximumEntries {
      rows.removeAll(keepingCapacity: true)
      rowsByIdentity.removeAll(keepingCapacity: true)
    }
    let row = CredentialRow(credential)
    if let replaced = rows[credential.code] {
      rowsByIdentity[replaced.credential.storageIdentity] = nil
    }
    rows[credential.code] = (credential, row)
    rowsByIdentity[identity] = row
    return row
  }
}
