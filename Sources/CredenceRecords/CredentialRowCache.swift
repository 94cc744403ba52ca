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
