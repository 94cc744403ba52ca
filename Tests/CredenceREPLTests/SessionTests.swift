import CredenceRuntime
import CredenceValues
import Foundation
import Testing

@testable import CredenceREPL

/// A scripted reader that also writes each line it gives, after its prompt, into the
/// transcript, so a golden file reads like a terminal session.
///
/// `^C` is Ctrl-C while typing; `^C during INPUT` types INPUT and presses Ctrl-C while it is
/// checked or run (the flag is set before the input is handled: the wait for checking sees
/// it at once, `:what-if` and `:path` at their first step, as they would see a key pressed a
/// moment later; the evaluator's own look at it is `EvaluationCancellationTests`').
final class EchoingReader: LineReader {
  static let duringEvaluation = "^C during "

  let inner: ScriptedReader
  let transcript: Transcript
  var cancellation: EvaluationCancellation?

  init(_ lines: [String], transcript: Transcript) {
    inner = ScriptedReader(lines)
    self.transcript = transcript
  }

  func readLine(prompt: String) -> LineInput {
    let input = inner.readLine(prompt: prompt)
    switch input {
    case .line(let line) where line.hasPrefix(Self.duringEvaluation):
      let typed = String(line.dropFirst(Self.duringEvaluation.count))
      transcript.text += prompt + typed + "\n^C\n"
      cancellation?.cancel()
      return .line(typed)
    case .line(let line): transcript.text += prompt + line + "\n"
    case .interrupted: transcript.text += prompt + "^C\n"
    case .end: break
    }
    return input
  }
}

final class Transcript {
  var text = ""
}

@Suite struct SessionTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

  /// Runs `sessions/NAME.repl` from the test folder and compares with `golden/NAME.txt`
  /// (re-recorded with `CREDENCE_RECORD_GOLDEN=1`).
  @Test(arguments: [
    "basics", "policies", "learners", "inline", "what-if", "interrupts", "path",
  ])
  func transcript(_ name: String) throws {
    let input = try String(
      contentsOf: Self.root.appendingPathComponent("sessions/\(name).repl"), encoding: .utf8)
    let transcript = Transcript()
    // `$TESTS/` in a session stands for this folder; the transcript shows it back as such,
    // so goldens hold no path of this machine. The working directory is left alone, as
    // other suites run in the same process.
    let folder = Self.root.path + "/"
    let lines = input.replacingOccurrences(of: "$TESTS/", with: folder)
      .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let reader = EchoingReader(
      lines.last == "" ? Array(lines.dropLast()) : lines, transcript: transcript)
    let date = try #require(CivilDate(parsing: "2026-01-01"))
    // `basics` runs without a database (its errors are part of the transcript).
    let records = name == "basics" ? nil : TestRecords.source
    let session = Session(asOf: date, records: records, directory: records, catalogue: records)
    reader.cancellation = session.cancellation
    REPL(session: session, reader: reader, write: { transcript.text += $0 }).run()
    let text = transcript.text.replacingOccurrences(of: folder, with: "$TESTS/")
    let golden = Self.root.appendingPathComponent("golden/\(name).txt")
    if ProcessInfo.processInfo.environment["CREDENCE_RECORD_GOLDEN"] == "1" {
      try text.write(to: golden, atomically: true, encoding: .utf8)
    }
    let expected = try String(contentsOf: golden, encoding: .utf8)
    #expect(text == expected)
  }

  @Test func unfinishedInputContinues() {
    #expect(Input.needsMore("(1 +", lastLineBlank: false))
    #expect(Input.needsMore("1 +", lastLineBlank: false))
    #expect(!Input.needsMore("1 + 2", lastLineBlank: false))
    #expect(Input.needsMore("stack s \"S\"", lastLineBlank: false))
    #expect(!Input.needsMore("stack s \"S\"", lastLineBlank: true))
    #expect(!Input.needsMore("\"(\" + \"x\"", lastLineBlank: false))
  }

  @Test func endOfInputEndsTheLoop() throws {
    let transcript = Transcript()
    let date = try #require(CivilDate(parsing: "2026-01-01"))
    REPL(
      session: Session(asOf: date), reader: ScriptedReader(["(1 +"]),
      write: { transcript.text += $0 }
    ).run()
    #expect(transcript.text.contains("error"))
  }
}
