import Foundation
import Testing

/// The executable reaches the language core only through the `Credence` facade (cel-go's
/// `Env` → `Program`, cedar's `cedar-policy`): its sources import the facade, the store, the
/// sample generator, the REPL and their UI libraries, never Syntax, Semantics, Runtime,
/// Values, Records or Format directly (SwiftPM lets a target import any module it can reach,
/// so Package.swift's dependency list alone cannot say it).
@Suite struct FacadeDoorTests {
  static let allowed: Set<String> = [
    "ArgumentParser", "Credence", "CredenceLanguageServer", "CredenceREPL", "CredenceSample",
    "CredenceServer", "CredenceWeb",
    "CredenceStore", "CredencePostgres", "Foundation",
    "Glibc", "Darwin", "Dispatch",
  ]

  /// `import X` lines of every Swift file under `folder`, as (file, module).
  static func imports(under folder: String) throws -> [(file: String, module: String)] {
    let root = EvalFixtures.packageRoot.appendingPathComponent(folder)
    // Subfolders too (the server keeps its files in folders by concern).
    let files = try FileManager.default.subpathsOfDirectory(atPath: root.path)
      .filter { $0.hasSuffix(".swift") }.sorted()
    #expect(!files.isEmpty)
    return try files.flatMap { file in
      try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
        .split(separator: "\n")
        .compactMap { line -> (String, String)? in
          let words = line.split(separator: " ")
          guard let index = words.firstIndex(of: "import"), index + 1 < words.count,
            words[..<index].allSatisfy({ $0.hasPrefix("@") })
          else { return nil }
          return (file, String(words[index + 1]))
        }
    }
  }

  @Test func theExecutableImportsOnlyTheFacadeTheStoreAndUILibraries() throws {
    let found = try Self.imports(under: "Sources/credence")
    #expect(found.contains { $0.module == "Credence" })
    for (file, module) in found where !Self.allowed.contains(module) {
      Issue.record("Sources/credence/\(file) imports \(module): go through the Credence facade")
    }
  }

  @Test func theLanguageServerImportsOnlyTheFacade() throws {
    let found = try Self.imports(under: "Sources/CredenceLanguageServer")
    #expect(found.contains { $0.module == "Credence" })
    for (file, module) in found where !["Credence", "Foundation", "Dispatch"].contains(module) {
      Issue.record(
        "Sources/CredenceLanguageServer/\(file) imports \(module): go through the Credence facade")
    }
  }

  /// The decision service: the facade and the store, and its HTTP, logging, metrics and
  /// crypto libraries.
  @Test func theServerImportsOnlyTheFacadeTheStoreAndItsLibraries() throws {
    let allowed: Set<String> = [
      "Credence", "CredenceStore", "Foundation", "Dispatch", "Synchronization", "Hummingbird",
      "HTTPTypes", "NIOCore", "Crypto", "Logging", "Prometheus", "ServiceLifecycle",
      "UnixSignals",
    ]
    let found = try Self.imports(under: "Sources/CredenceServer")
    #expect(found.contains { $0.module == "Credence" })
    for (file, module) in found where !allowed.contains(module) {
      Issue.record(
        "Sources/CredenceServer/\(file) imports \(module): go through the Credence facade")
    }
  }

  /// The REPL: the facade, readline, the C library (signals) and the standard library's locks.
  @Test func theREPLImportsOnlyTheFacadeAndReadline() throws {
    let allowed: Set<String> = [
      "Credence", "CReadline", "Foundation", "Synchronization", "Glibc", "Darwin",
    ]
    let found = try Self.imports(under: "Sources/CredenceREPL")
    #expect(found.contains { $0.module == "Credence" })
    for (file, module) in found where !allowed.contains(module) {
      Issue.record(
        "Sources/CredenceREPL/\(file) imports \(module): go through the Credence facade")
    }
  }

  /// The pages decide nothing themselves: the facade, the server they are mounted on, the
  /// store's reader, and their HTTP and template libraries.
  @Test func thePagesImportOnlyTheFacadeAndTheirLibraries() throws {
    let allowed: Set<String> = [
      "Credence", "CredenceServer", "CredenceStore", "HTTPTypes", "Hummingbird", "Mustache",
      "Crypto", "Dispatch", "Synchronization",
    ]
    let found = try Self.imports(under: "Sources/CredenceWeb")
    #expect(found.contains { $0.module == "Credence" })
    for (file, module) in found where !allowed.contains(module) {
      Issue.record("Sources/CredenceWeb/\(file) imports \(module): go through the Credence facade")
    }
  }
}
