import Credence
import CredenceSyntax
import Foundation
import Testing

/// The facade's loading and checking: files and folders, order, limits, the error cap.
@Suite struct FrontEndTests {
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// A temporary folder holding `files`, removed afterwards.
  static func withFolder<T>(_ files: [String: [UInt8]], _ body: (String) throws -> T) throws -> T {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("credence-frontend-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: url) }
    for (name, bytes) in files {
      let file = url.appendingPathComponent(name)
      try FileManager.default.createDirectory(
        at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(bytes).write(to: file)
    }
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return try body(url.path)
  }

  @Test func fiveIndependentMistakesGiveFiveLocatedDiagnostics() throws {
    let path = Self.packageRoot
      .appendingPathComponent("Tests/CredenceSyntaxTests/spec/errors/five-mistakes.credence").path
    let result = try FrontEnd.check(paths: [path])
    // The five syntax errors, and the checker's finding in what parsed around them: `age`
    // on line 13 is declared nowhere (the checker runs past syntax errors).
    #expect(result.errorCount == 6)
    let lines = result.diagnostics.map { d in
      result.sources[d.span.file].map { $0.location(of: d.span.start).line } ?? 0
    }
    #expect(lines == [4, 6, 9, 13, 14, 18])
    #expect(result.diagnostics.contains { $0.message == "there is nothing named `age`" })
    #expect(result.program == nil)
  }

  /// Reusing the parses of unchanged files gives what a fresh check gives, after an edit
  /// that breaks one file and after the one that mends it.
  @Test func reusingParsesGivesTheSameResult() {
    func sources(_ b: String) -> SourceSet {
      var set = SourceSet()
      set.add(path: "a.credence", text: "policy \"A\"\n  version \"1\"\n\nlet threshold = 5\n")
      set.add(path: "b.credence", text: "policy \"B\"\n  version \"1\"\n\n" + b)
      return set
    }
    var previous = FrontEnd.check(sources("let doubled = threshold * 2\n"))
    for b in ["let doubled = threshhold * (2\n", "let doubled = threshold * 2\n"] {
      let reused = FrontEnd.check(sources(b), reusing: previous.files)
      let fresh = FrontEnd.check(sources(b))
      #expect(reused.diagnostics == fresh.diagnostics)
      #expect(reused.files.map(\.syntax) == fresh.files.map(\.syntax))
      #expect((reused.program != nil) == (fresh.program != nil))
      previous = reused
    }
    #expect(previous.diagnostics.contains { $0.code == "W0301" })
  }

  @Test func thePolicyLibraryParsesCleanly() throws {
    let result = try FrontEnd.check(paths: [
      Self.packageRoot.appendingPathComponent("policies").path
    ])
    #expect(result.sources.files.count >= 5)
    #expect(!result.hasErrors, "\(result.diagnostics.map(\.message))")
  }

  @Test func foldersAreSearchedRecursivelySortedAndWithoutDuplicates() throws {
    let files: [String: [UInt8]] = [
      "z.credence": Array("let z = 1\n".utf8),
      "sub/b.credence": Array("let b = 1\n".utf8),
      "sub/a.credence": Array("let a = 1\n".utf8),
      ".git/hidden.credence": Array("let h = 1\n".utf8),
      "sub/notes.md": Array("# notes\n".utf8),
    ]
    try Self.withFolder(files) { root in
      let found = try PolicyFiles.gather([root, root + "/sub/a.credence"])
      #expect(
        found.map { String($0.dropFirst(root.count)) } == [
          "/sub/a.credence", "/sub/b.credence", "/z.credence",
        ])
    }
  }

  @Test func missingPathsAndEmptyFoldersAreLoadErrors() throws {
    try Self.withFolder(["empty/readme.txt": []]) { root in
      #expect(throws: LoadError.noSuchPath([root + "/nope", root + "/nada.credence"])) {
        try PolicyFiles.gather([root + "/nope", root + "/empty", root + "/nada.credence"])
      }
      #expect(throws: LoadError.noPolicyFiles(folder: root + "/empty")) {
        try PolicyFiles.gather([root + "/empty"])
      }
    }
  }

  @Test func aFileBeyondTheSizeLimitIsADiagnostic() throws {
    let big = [UInt8](repeating: UInt8(ascii: " "), count: Limits.maximumSourceFileBytes + 1)
    let atLimit = [UInt8](repeating: UInt8(ascii: " "), count: Limits.maximumSourceFileBytes)
    try Self.withFolder(["big.credence": big, "limit.credence": atLimit]) { root in
      let result = try FrontEnd.check(paths: [root])
      // The file at the limit is read, and (all spaces) has no policy header; the one beyond
      // it is not read, so nothing else is said of it.
      #expect(result.diagnostics.map(\.code) == [.fileTooLarge, "E0314"])
      #expect(
        result.sources.files.first { $0.path.hasSuffix("big.credence") }?.bytes.isEmpty == true)
      #expect(
        result.sources.files.first { $0.path.hasSuffix("limit.credence") }?.bytes.count
          == atLimit.count)
    }
  }

  @Test func errorsBeyondTheCapPerFileAreCountedNotKept() {
    var sources = SourceSet()
    let many = (0..<(Limits.maximumErrorsPerFile + 3)).map { "let x\($0) = )" }.joined(
      separator: "\n")
    sources.add(path: "many.credence", text: many)
    sources.add(path: "one.credence", text: "let y = )")
    let result = FrontEnd.check(sources)
    #expect(result.errorCount == Limits.maximumErrorsPerFile + 4)
    #expect(result.omittedErrors == [FileID(0): 3])
    #expect(
      result.diagnostics.filter { $0.span.file == FileID(0) }.count == Limits.maximumErrorsPerFile)
    #expect(result.diagnostics.filter { $0.span.file == FileID(1) }.count == 1)
  }

  @Test func invalidUTF8IsReportedNotFatal() throws {
    try Self.withFolder([
      "bad.credence": Array("let a = ".utf8) + [0xFF, 0xFE] + Array(" 1\n".utf8)
    ]) { root in
      let result = try FrontEnd.check(paths: [root])
      #expect(result.diagnostics.map(\.code) == [.invalidUTF8])
    }
  }
}
