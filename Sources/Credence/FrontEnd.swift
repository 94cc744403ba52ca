import CredenceSemantics
import CredenceSyntax
import Dispatch

/// The outcome of checking a program: its sources, their trees, and every diagnostic.
public struct CheckResult: Sendable {
  /// The files checked, by `FileID`.
  public var sources: SourceSet
  /// Each file's syntax tree, in the order of `sources`.
  public var files: [ParsedFile]
  /// The diagnostics kept, at most `Limits.maximumErrorsPerFile` errors per file.
  public var diagnostics: [Diagnostic]
  /// Per file, the errors beyond the cap (reported as "N more errors").
  public var omittedErrors: [FileID: Int]
  /// The checked program, when there is no error (warnings allowed).
  public var program: CheckedProgram?
  /// Where every name is declared and used, as far as the checker resolved them (empty
  /// when the checker did not run).
  public var index = SymbolIndex()

  /// Whether any error was found (warnings do not count).
  public var hasErrors: Bool {
    diagnostics.containsErrors || omittedErrors.values.contains { $0 > 0 }
  }

  /// The number of errors, shown and omitted.
  public var errorCount: Int {
    diagnostics.filter(\.isError).count + omittedErrors.values.reduce(0, +)
  }

  /// The number of warnings.
  public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
}

/// The front end in a few lines, as Elm's `Compile.hs`: load, parse, check.
///
/// Parsing gives every file's tree even when there are errors; the checker then resolves
/// names and types in what parsed and adds its diagnostics to the same result.
public enum FrontEnd {
  /// Loads the policy files named by `paths` (files or folders) and checks them; `scope`
  /// `.withoutTests` leaves the bodies of tests unchecked (`credence eval`, `CheckScope`).
  public static func check(paths: [String], scope: CheckScope = .everything) throws(LoadError)
    -> CheckResult
  {
    let files = try PolicyFiles.gather(paths)
    let (sources, loadDiagnostics) = try PolicyFiles.read(files)
    return check(sources, extraDiagnostics: loadDiagnostics, scope: scope)
  }

  /// Parses and checks sources already in memory (tests, the REPL).
  public static func check(
    _ sources: SourceSet, extraDiagnostics: [Diagnostic] = [], scope: CheckScope = .everything
  ) -> CheckResult {
    // Without tests, their clauses are only skimmed: half of the policy library's text.
    let files = parse(sources, testBodies: scope == .withoutTests ? .skimmed : .parsed)
    return check(parsed: files, sources: sources, extraDiagnostics: extraDiagnostics, scope: scope)
  }

  /// Checks sources of which some were parsed before (a language server between edits): a
  /// file with the id, path and bytes of a file of `previous` keeps that parse, and only
  /// the others are parsed. The result is the one `check(_:)` gives.
  public static func check(_ sources: SourceSet, reusing previous: [ParsedFile]) -> CheckResult {
    guard !previous.isEmpty else { return check(sources) }
    var known: [FileID: ParsedFile] = [:]
    for parsed in previous { known[parsed.source.id] = parsed }
    let files = sources.files.map { file in
      if let parsed = known[file.id], parsed.source.path == file.path,
        parsed.source.bytes == file.bytes
      {
        return parsed
      }
      return Parser.parse(file)
    }
    return check(parsed: files, sources: sources, extraDiagnostics: [], scope: .everything)
  }

  private static func check(
    parsed files: [ParsedFile], sources: SourceSet, extraDiagnostics: [Diagnostic],
    scope: CheckScope
  ) -> CheckResult {
    var bag = DiagnosticBag()
    bag.append(contentsOf: extraDiagnostics)
    for file in files { bag.append(contentsOf: file.diagnostics) }
    // The checker also runs past syntax errors, so that an author sees every mistake at
    // once: declarations that failed to parse are skipped, and uses of the names they were
    // declaring are not reported as unknown (docs/decisions.md). A program is made only
    // from files that parsed cleanly.
    let parsedCleanly = !bag.hasErrors
    let broken = Set(bag.diagnostics.filter(\.isError).map(\.span.file))
    let outcome = Checker.check(files.map(\.syntax), scope: scope)
    bag.append(contentsOf: outcome.diagnostics.filter { !isEcho($0, brokenFiles: broken) })
    let program = parsedCleanly ? outcome.program : nil
    let index = outcome.index
    return CheckResult(
      sources: sources, files: files, diagnostics: bag.diagnostics.sortedByPosition(),
      omittedErrors: bag.omittedErrors, program: program, index: index)
  }

  /// Whether a checker finding may only echo a syntax error: a missing header in a file
  /// that did not parse (the header may be what broke), and unused-name warnings while any
  /// file is broken (the broken part may be the use).
  static func isEcho(_ diagnostic: Diagnostic, brokenFiles: Set<FileID>) -> Bool {
    guard !brokenFiles.isEmpty else { return false }
    switch diagnostic.code {
    case .policyHeader: return brokenFiles.contains(diagnostic.span.file)
    case .unusedDefinition, .unusedFact, .unusedParameter, .unusedExampleColumn: return true
    default: return false
    }
  }

  /// Lexes and parses every file of `sources`, several files at once when there are enough
  /// of them (files parse independently; the result is in the order of `sources`).
  /// With `testBodies` `.skimmed` the clauses of tests are passed over (`TestBodies`).
  public static func parse(_ sources: SourceSet, testBodies: TestBodies = .parsed)
    -> [ParsedFile]
  {
    let files = sources.files
    let bytes = files.reduce(0) { $0 + $1.bytes.count }
    guard files.count > 1, bytes >= parallelParseThreshold else {
      return files.map { Parser.parse($0, testBodies: testBodies) }
    }
    let slots = ParseSlots(count: files.count)
    DispatchQueue.concurrentPerform(iterations: files.count) { index in
      slots.store(Parser.parse(files[index], testBodies: testBodies), at: index)
    }
    return slots.results(files, testBodies: testBodies)
  }

  /// The bytes of policy text from which parsing is spread over the cores: below it, a
  /// thread pool costs more than it saves (the policy library, ~150 kB, is above it).
  /// Whether parsing `text` (one file) fails only at its end: the input stopped in the
  /// middle of a construct, and an interactive reader should ask for more lines.
  public static func stopsEarly(_ text: String) -> Bool {
    let parsed = Parser.parse(SourceFile(path: "<input>", text: text))
    let end = text.utf8.count
    return parsed.diagnostics.contains { $0.isError && $0.span.start >= end }
  }

  public static let parallelParseThreshold = 32 * 1024
}

/// One slot per file for parallel parsing: each slot is written by exactly one iteration,
/// and read only after `concurrentPerform` has returned. The slots live in memory of their
/// own (not an array property), so that writes from several threads are not overlapping
/// accesses to one variable.
private final class ParseSlots: @unchecked Sendable {
  private let slots: UnsafeMutableBufferPointer<ParsedFile?>

  init(count: Int) {
    slots = .allocate(capacity: count)
    slots.initialize(repeating: nil)
  }

  deinit {
    _ = slots.deinitialize()
    slots.deallocate()
  }

  func store(_ file: ParsedFile, at index: Int) { slots[index] = file }

  func results(_ files: [SourceFile], testBodies: TestBodies) -> [ParsedFile] {
    zip(slots, files).map { slot, file in slot ?? Parser.parse(file, testBodies: testBodies) }
  }
}
