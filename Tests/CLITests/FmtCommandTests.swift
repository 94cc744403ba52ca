import Foundation
import Testing

/// `credence fmt`, run as a user would: the built binary, the files it leaves, its output
/// and exit status.
@Suite struct FmtCommandTests {
  typealias Outcome = CheckCommandTests.Outcome

  static let messy = "let a=1\nstack s \"S\" require a\n"
  static let tidy = "let a = 1\n\nstack s \"S\"\n  require a\n"

  /// Runs `credence ARGUMENTS…` in `directory` with `input` on standard input.
  static func run(_ arguments: [String], in directory: URL, input: String) throws -> Outcome {
    let process = Process()
    process.executableURL = CheckCommandTests.executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    let stdin = Pipe()
    let output = Pipe()
    let error = Pipe()
    process.standardInput = stdin
    process.standardOutput = output
    process.standardError = error
    try process.run()
    let errorData = Locked<Data>()
    let reader = Thread { errorData.value = error.fileHandleForReading.readDataToEndOfFile() }
    reader.start()
    let writer = Thread {
      stdin.fileHandleForWriting.write(Data(input.utf8))
      try? stdin.fileHandleForWriting.close()
    }
    writer.start()
    let outData = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while !errorData.isSet { Thread.sleep(forTimeInterval: 0.005) }
    return Outcome(
      status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self),
      error: String(decoding: errorData.value ?? Data(), as: UTF8.self))
  }

  static func read(_ name: String, in dir: URL) throws -> String {
    String(decoding: try Data(contentsOf: dir.appendingPathComponent(name)), as: UTF8.self)
  }

  @Test func thePolicyLibraryIsFormatted() throws {
    let outcome = try CheckCommandTests.run(
      ["fmt", "--check", "policies"], in: CheckCommandTests.packageRoot)
    #expect(outcome.status == 0, "would change:\n\(outcome.output)\(outcome.error)")
    #expect(outcome.output.isEmpty)
  }

  @Test func rewritesFilesInPlaceAndLeavesFormattedOnesAlone() throws {
    try CheckCommandTests.withFolder(["a/messy.credence": Self.messy, "tidy.credence": Self.tidy]) {
      dir in
      let tidyBefore =
        try FileManager.default.attributesOfItem(
          atPath: dir.appendingPathComponent("tidy.credence").path)[.modificationDate] as? Date
      let outcome = try CheckCommandTests.run(["fmt", "."], in: dir)
      #expect(outcome.status == 0, "\(outcome.error)")
      #expect(outcome.output.isEmpty)
      #expect(try Self.read("a/messy.credence", in: dir) == Self.tidy)
      #expect(try Self.read("tidy.credence", in: dir) == Self.tidy)
      let tidyAfter =
        try FileManager.default.attributesOfItem(
          atPath: dir.appendingPathComponent("tidy.credence").path)[.modificationDate] as? Date
      #expect(tidyBefore == tidyAfter, "an already formatted file was rewritten")
      let again = try CheckCommandTests.run(["fmt", "--check", "."], in: dir)
      #expect(again.status == 0)
    }
  }

  @Test func checkListsTheFilesThatWouldChangeAndChangesNothing() throws {
    try CheckCommandTests.withFolder([
      "b.credence": Self.messy, "a.credence": Self.messy, "c.credence": Self.tidy,
    ]) { dir in
      let outcome = try CheckCommandTests.run(["fmt", "--check", "."], in: dir)
      #expect(outcome.status == 1)
      #expect(outcome.output == "./a.credence\n./b.credence\n")
      #expect(outcome.error.isEmpty)
      #expect(try Self.read("a.credence", in: dir) == Self.messy)
    }
  }

  @Test func diffPrintsAUnifiedDiffAndChangesNothing() throws {
    try CheckCommandTests.withFolder(["m.credence": Self.messy]) { dir in
      let outcome = try CheckCommandTests.run(["fmt", "--diff", "m.credence"], in: dir)
      #expect(outcome.status == 0)
      #expect(
        outcome.output == """
          --- a/m.credence
          +++ b/m.credence
          @@ -1,2 +1,4 @@
          -let a=1
          -stack s "S" require a
          +let a = 1
          +
          +stack s "S"
          +  require a

          """)
      #expect(try Self.read("m.credence", in: dir) == Self.messy)
      let both = try CheckCommandTests.run(["fmt", "--check", "--diff", "m.credence"], in: dir)
      #expect(both.status == 1)
      #expect(both.output.hasPrefix("m.credence\n--- a/m.credence\n"))
    }
  }

  @Test func standardInputToStandardOutput() throws {
    try CheckCommandTests.withFolder([:]) { dir in
      let outcome = try Self.run(["fmt", "-"], in: dir, input: Self.messy)
      #expect(outcome.status == 0, "\(outcome.error)")
      #expect(outcome.output == Self.tidy)
      let formatted = try Self.run(["fmt", "-"], in: dir, input: Self.tidy)
      #expect(formatted.output == Self.tidy)
      let check = try Self.run(["fmt", "--check", "-"], in: dir, input: Self.messy)
      #expect(check.status == 1)
      #expect(check.output == "<stdin>\n")
      let clean = try Self.run(["fmt", "--check", "-"], in: dir, input: Self.tidy)
      #expect(clean.status == 0)
      #expect(clean.output.isEmpty)
    }
  }

  @Test func filesWithSyntaxErrorsAreReportedAndNeverRewritten() throws {
    let broken = "let a = (1 +\nlet b=2\n"
    try CheckCommandTests.withFolder(["bad.credence": broken, "ok.credence": Self.messy]) { dir in
      let outcome = try CheckCommandTests.run(["fmt", "."], in: dir)
      #expect(outcome.status == 65)
      #expect(
        outcome.error == """
          error[E0201]: expected an expression, found `let`
           --> ./bad.credence:1:13
            |
          1 | let a = (1 +
            |             ^


          """)
      #expect(try Self.read("bad.credence", in: dir) == broken)
      // The other files are formatted all the same.
      #expect(try Self.read("ok.credence", in: dir) == Self.tidy)
      let fromInput = try Self.run(
        ["fmt", "--error-format", "plain", "-"], in: dir, input: broken)
      #expect(fromInput.status == 65)
      #expect(fromInput.output.isEmpty)
      #expect(
        fromInput.error == "<stdin>:1:13: error[E0201]: expected an expression, found `let`\n")
    }
  }

  /// Standard input is held to `Limits.maximumSourceFileBytes`, like files.
  @Test func standardInputBeyondTheSizeLimitIsRejected() throws {
    let limit = 16 * 1024 * 1024  // Limits.maximumSourceFileBytes
    let input = "let a = 1\n" + String(repeating: "#", count: limit - 10 + 1)
    try CheckCommandTests.withFolder([:]) { dir in
      let outcome = try Self.run(["fmt", "--error-format", "plain", "-"], in: dir, input: input)
      #expect(outcome.status == 65)
      #expect(outcome.output.isEmpty)
      #expect(
        outcome.error
          == "<stdin>:1:1: error[E0003]: standard input is larger than the limit of 16 MiB\n")
    }
  }

  @Test func missingPathsAndBadArguments() throws {
    try CheckCommandTests.withFolder(["ok.credence": Self.tidy]) { dir in
      let missing = try CheckCommandTests.run(["fmt", "ok.credence", "nope.credence"], in: dir)
      #expect(missing.status == 66)
      #expect(missing.error == "error[E0001]: no such file or folder: `nope.credence`\n")
      let mixed = try CheckCommandTests.run(["fmt", "-", "ok.credence"], in: dir)
      #expect(mixed.status == 64)
      #expect(mixed.error.contains("`-` (standard input) cannot be combined with other paths"))
      let none = try CheckCommandTests.run(["fmt"], in: dir)
      #expect(none.status == 64)
    }
  }

  @Test func rewritingKeepsPermissionsAndFollowsSymbolicLinks() throws {
    try CheckCommandTests.withFolder(["real.credence": Self.messy]) { dir in
      let real = dir.appendingPathComponent("real.credence")
      let link = dir.appendingPathComponent("link.credence")
      try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: real.path)
      try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
      let outcome = try CheckCommandTests.run(["fmt", "link.credence"], in: dir)
      #expect(outcome.status == 0, "\(outcome.error)")
      #expect(try Self.read("real.credence", in: dir) == Self.tidy)
      let attributes = try FileManager.default.attributesOfItem(atPath: real.path)
      #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o640)
      let linkType =
        try FileManager.default.attributesOfItem(atPath: link.path)[.type]
        as? FileAttributeType
      #expect(linkType == .typeSymbolicLink)
    }
  }

  @Test(arguments: ["bash", "zsh", "fish"])
  func shellCompletionsNameTheSubcommands(_ shell: String) throws {
    let outcome = try CheckCommandTests.run(
      ["--generate-completion-script", shell], in: CheckCommandTests.packageRoot)
    #expect(outcome.status == 0)
    for word in ["check", "fmt", "diff", "error-format"] {
      #expect(outcome.output.contains(word), "the \(shell) script does not mention \(word)")
    }
  }
}
