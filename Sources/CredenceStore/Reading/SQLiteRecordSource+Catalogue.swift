import CredenceRecords

extension SQLiteRecordSource {
  /// The whole catalogue in code order, and the codes of entries that break the contract
  /// (left out; a pathway search names them instead of failing).
  public func catalogue() throws -> (credentials: [Credential], broken: [String]) {
    try read { db in try Catalogue.load(db) }.listing()
  }
}

extension Catalogue {
  /// The valid entries in code order (UTF-8 byte order), and the broken entries' codes.
  func listing() -> (credentials: [Credential], broken: [String]) {
    var credentials: [Credential] = []
    var broken: [String] = []
    for (code, entry) in entries {
      switch entry {
      case .valid(let credential): credentials.append(credential)
      case .broken: broken.append(code)
      }
    }
    credentials.sort { $0.code.utf8.lexicographicallyPrecedes($1.code.utf8) }
    return (credentials, broken.sorted())
  }
}
