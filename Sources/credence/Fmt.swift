import ArgumentParser
import Credence
import Foundation

/// `credence fmt PATH…`: rewrite policy files in the canonical layout.
struct Fmt: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fmt",
    abstract: "Rewrite policy files in the canonical layout.",
    discussion: """
      Files with syntax errors are never rewritten; their diagnostics go to standard error. \
      With `-`, the policy is read from standard input and the formatted text written to \
      standard output.

      Exit status: 0 when every file is formatted (or, with --check, already was), 1 with \
      --check when a file would change, 65 when a file has syntax errors, 66 when a path \
      does not exist, 70 when the formatter failed, 74 when a file could not be read or \
      written.
      """
  )

  @Argument(
    help: "Policy files or folders (searched recursively for *.credence), or - for standard input.",
    completion: .file(extensions: ["credence"]))
  var paths: [String]

  @Flag(help: "Change nothing; list the files that would change, and exit 1 if any would.")
  var check = false

  @Flag(help: "Change nothing; print a unified diff of the changes.")
  var diff = false

  @Option(help: "How to print diagnostics: human, plain or json.")
  var errorFormat: DiagnosticRenderer.Format = .human

  /// The name standard input goes by in messages and listings.
  static let standardInputName = "<stdin>"

  func validate() throws {
    if paths.contains("-"), paths.count > 1 {
      throw ValidationError("`-` (standard input) cannot be combined with other paths")
    }
  }

  func run() throws {
    var sources = SourceSet()
    var loadDiagnostics: [Diagnostic] = []
    if paths == ["-"] {
      let bytes = try Fmt.readStandardInput()
      let file = sources.add(path: Fmt.standardInputName, bytes: bytes ?? [])
      if bytes == nil {
        loadDiagnostics.append(
          .error(
            .fileTooLarge,
            "standard input is larger than the limit of \(PolicyFiles.maximumFileBytes / 1_048_576) MiB",
            at: .point(0, in: file.id)))
      }
    } else {
      do {
        (sources, loadDiagnostics) = try PolicyFiles.read(try PolicyFiles.gather(paths))
      } catch {
        Terminal.printError("error[\(error.code)]: \(error.message)")
        throw (error.code == .unreadableFile ? ExitStatus.ioError : .noInput).exitCode
      }
    }
    let results = FrontEnd.format(sources, loadDiagnostics: loadDiagnostics)
    var status = ExitStatus.success
    var rejected: [Diagnostic] = []
    var output = ""
    for result in results {
      let path = result.source.path
      switch result.outcome {
      case .rejected(let diagnostics):
        rejected += diagnostics
      case .failed(let reason):
        Terminal.printError(
          "error: could not format `\(path)`: \(reason); the file was left unchanged "
            + "(this is a bug in credence fmt, please report it with the file)")
        status = Fmt.worse(status, .software)
      case .formatted(let text):
        let changed = result.changedText != nil
        if check, changed { output += path + "\n" }
        if diff, changed {
          output += UnifiedDiff.diff(
            old: String(decoding: result.source.bytes, as: UTF8.self), new: text,
            oldName: "a/\(path)", newName: "b/\(path)")
        }
        if paths == ["-"], !check, !diff {
          output += text
        } else if changed, !check, !diff {
          if !Fmt.write(text, to: path) { status = Fmt.worse(status, .ioError) }
        }
        if check, changed { status = Fmt.worse(status, .failure) }
      }
    }
    Terminal.write(output)
    if !rejected.isEmpty {
      var bag = DiagnosticBag()
      bag.append(contentsOf: rejected)
      let renderer = DiagnosticRenderer(format: errorFormat, colour: Terminal.colourOnStandardError)
      Terminal.writeError(
        renderer.render(bag.diagnostics, sources: sources, omittedErrors: bag.omittedErrors))
      status = Fmt.worse(status, .dataError)
    }
    if status != .success { throw status.exitCode }
  }

  /// The more serious of two statuses: a failure of the formatter, then of the disk, then
  /// bad input, then files that would change.
  static func worse(_ a: ExitStatus, _ b: ExitStatus) -> ExitStatus {
    let order: [ExitStatus] = [.software, .ioError, .dataError, .failure, .success]
    return (order.firstIndex(of: a) ?? 0) <= (order.firstIndex(of: b) ?? 0) ? a : b
  }

  /// Standard input's bytes, or nil when they exceed `PolicyFiles.maximumFileBytes`.
  static func readStandardInput() throws -> [UInt8]? {
    var bytes: [UInt8] = []
    while true {
      let chunk: Data?
      do {
        chunk = try FileHandle.standardInput.read(upToCount: 65_536)
      } catch {
        Terminal.printError("error[\(DiagnosticCode.unreadableFile)]: cannot read standard input")
        throw ExitStatus.ioError.exitCode
      }
      guard let chunk, !chunk.isEmpty else { return bytes }
      bytes += chunk
      if bytes.count > PolicyFiles.maximumFileBytes { return nil }
    }
  }

  /// Replaces the file at `path` (through symbolic links) with `text` in one step, keeping
  /// its permissions; false, after reporting, if that failed.
  static func write(_ text: String, to path: String) -> Bool {
    let url = URL(fileURLWithPath: path).resolvingSymlinksInPath()
    let permissions = (try? FileManager.default.attributesOfItem(atPath: url.path))?[
      .posixPermissions]
    do {
      try Data(text.utf8).write(to: url, options: .atomic)
      if let permissions {
        try FileManager.default.setAttributes(
          [.posixPermissions: permissions], ofItemAtPath: url.path)
      }
      return true
    } catch {
      Terminal.printError("error: cannot write `\(path)`: \(error.localizedDescription)")
      return false
    }
  }
}
