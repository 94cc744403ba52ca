import CredenceSemantics
import CredenceSyntax
import CredenceTestSupport
import Foundation
import Testing

/// The checker on thousands of near-miss programs: every spec and policy file with a name
/// swapped for another of the file's names, a literal for a literal of another type, a line
/// deleted or doubled. It must return (never trap or hang), keep its spans inside the file,
/// and give either errors or a checked program whose invariants hold.
@Suite struct MutationSweepTests {
  /// The most mutants tried per file: enough to reach every kind of declaration in a
  /// policy file, few enough to keep the suite fast.
  static let maximumMutantsPerFile = 30

  /// Literals of every type, swapped in for the file's literals.
  static let literals = [
    "1", "2.5", "90%", "500 SGD", "150 USD", "2026-01-01", "5 years", "\"B-\"", "true",
    "unknown", "[\"x\"]", "[]",
  ]

  static var corpus: [String] {
    let spec = SpecTests.programs.flatMap(\.files)
    let policies = Programs.files(under: Programs.root.appendingPathComponent("policies"))
    return (spec + policies).map {
      $0.path.replacingOccurrences(of: Programs.root.path + "/", with: "")
    }
  }

  /// Checks one mutant; returns what went wrong, if anything.
  static func check(_ text: String) -> String? {
    var sources = SourceSet()
    let source = sources.add(path: "mutant.credence", text: text)
    let parsed = Parser.parse(source)
    let outcome = Checker.check([parsed.syntax])
    for diagnostic in outcome.diagnostics {
      for span in [diagnostic.span] + diagnostic.labels.map(\.span)
      where span.start < 0 || span.end > source.bytes.count || span.file != source.id {
        return "span \(span) outside the file: \(diagnostic.message)"
      }
      if diagnostic.message.isEmpty { return "an empty message" }
    }
    if let program = outcome.program {
      if outcome.hasErrors { return "a program despite errors" }
      let problems = ProgramInvariants.problems(in: program)
      if !problems.isEmpty { return problems.prefix(3).joined(separator: "; ") }
    } else if !outcome.hasErrors, !parsed.diagnostics.containsErrors {
      return "no program and no error"
    }
    _ = DiagnosticRenderer(format: .human).render(outcome.diagnostics, sources: sources)
    return nil
  }

  @Test(arguments: corpus)
  func mutants(_ path: String) throws {
    let text = try String(contentsOf: Programs.root.appendingPathComponent(path), encoding: .utf8)
    let source = SourceFile(path: path, text: text)
    let tokens = Lexer.lex(source).tokens
    let bytes = Array(text.utf8)
    let names = Array(
      Set(tokens.compactMap { if case .identifier(let n) = $0.kind { n } else { nil } })
    ).sorted()
    let editable = tokens.filter {
      switch $0.kind {
      case .identifier, .literal: true
      default: false
      }
    }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    var generator = SplitMix64(
      seed: UInt64(truncatingIfNeeded: path.hashValue & 0) &+ UInt64(bytes.count))
    var failures: [String] = []
    for attempt in 0..<Self.maximumMutantsPerFile {
      let mutant: String
      let what: String
      switch attempt % 4 {
      case 0, 1:
        guard !editable.isEmpty else { continue }
        let token = editable[generator.next(editable.count)]
        let replacement: String
        if case .identifier = token.kind, !names.isEmpty {
          replacement = names[generator.next(names.count)]
        } else {
          replacement = Self.literals[generator.next(Self.literals.count)]
        }
        mutant =
          String(decoding: bytes[..<token.span.start], as: UTF8.self) + replacement
          + String(decoding: bytes[token.span.end...], as: UTF8.self)
        what = "token at \(token.span.start) → \(replacement)"
      case 2:
        let line = generator.next(lines.count)
        mutant = lines.enumerated().filter { $0.offset != line }.map(\.element).joined(
          separator: "\n")
        what = "line \(line + 1) deleted"
      default:
        let line = generator.next(lines.count)
        mutant = lines.enumerated().flatMap {
          $0.offset == line ? [$0.element, $0.element] : [$0.element]
        }
        .joined(separator: "\n")
        what = "line \(line + 1) doubled"
      }
      if let problem = Self.check(mutant), failures.count < 5 {
        failures.append("\(what): \(problem)")
      }
    }
    #expect(failures.isEmpty, "\(path):\n\(failures.joined(separator: "\n"))")
  }

  /// Clean programs satisfy the invariants too (the spec programs that check clean, and
  /// the whole policy library).
  @Test func cleanProgramsKeepTheInvariants() throws {
    let urls = Programs.files(under: Programs.root.appendingPathComponent("policies"))
    let library = Programs.check(try Programs.sources(urls))
    let program = try #require(library.outcome.program)
    #expect(ProgramInvariants.problems(in: program) == [])
    #expect(program.lets.count > 20 && program.funds.count > 5 && program.tests.count > 50)
  }
}
