import Credence

/// Where `:path` reads the catalogue it plans with: the database in `credence repl --db`,
/// memory in tests. Behind a protocol so the REPL module never opens SQLite itself.
public protocol CatalogueSource: Sendable {
  /// Every catalogue entry, in code order, and the codes of entries that break the contract
  /// (left out of a search, and named).
  func catalogue() throws -> (credentials: [Credential], broken: [String])
}

extension InMemoryRecordSource: CatalogueSource {
  public func catalogue() throws -> (credentials: [Credential], broken: [String]) {
    let credentials = catalogue.values.sorted {
      $0.code.utf8.lexicographicallyPrecedes($1.code.utf8)
    }
    return (credentials, [])
  }
}
