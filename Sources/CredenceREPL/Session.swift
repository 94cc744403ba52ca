import Credence

/// A REPL session: loaded policy files, declarations typed so far, the current learner and
/// date. Each input is checked with everything before it, as the file pipeline would.
public final class Session {
  /// The name the REPL gives an expression to evaluate it (an ordinary `let`).
  static let valueName = "repl_value"
  /// Every typed input is checked as its own file, which the language wants to open with a
  /// policy header; spans are moved back past it so errors point into the text as typed.
  static let header = "policy \"REPL session\"\n"

  /// Policy files and folders loaded with `:load` or on the command line.
  public private(set) var paths: [String]
  /// Their text, read once per `:load`/`:reload`.
  private var loaded = SourceSet()
  /// Declarations typed and accepted, in order.
  private(set) var declarations: [String] = []
  /// The evaluation date.
  public var asOf: CredenceValues.CivilDate
  /// The current learner (an empty one until `:learner`).
  var learner: Learner
  /// The facts an inline learner's fixtures give typed (none for a learner from the records).
  var givenFacts = GivenFacts()
  /// Where `:learner ID` looks learners up.
  let records: (any RecordSource)?
  /// Where `:learners` and completion list learner ids.
  let directory: (any LearnerDirectory)?
  /// Where `:path` reads the catalogue.
  let catalogueSource: (any CatalogueSource)?
  /// The last program that checked cleanly.
  var policies: Policies?
  /// Set by Ctrl-C; every evaluation the session runs looks at it.
  public let cancellation: EvaluationCancellation

  public init(
    paths: [String] = [], asOf: CredenceValues.CivilDate, records: (any RecordSource)? = nil,
    directory: (any LearnerDirectory)? = nil, catalogue: (any CatalogueSource)? = nil,
    cancellation: EvaluationCancellation? = nil
  ) {
    // A fresh flag when none is given (the default could not name the runtime's initialiser).
    self.cancellation = cancellation ?? EvaluationCancellation()
    catalogueSource = catalogue
    self.paths = paths
    self.asOf = asOf
    self.records = records
    self.directory = directory
    learner = Session.nobody
  }

  static var nobody: Learner { Learner(id: "(no learner)") }

  /// Reads the policy files again; returns the rendered diagnostics (empty when clean).
  public func reload() -> String { reloadChecking().output }

  /// Reads the policy files again and checks them; Ctrl-C during the check keeps the text
  /// read before.
  private func reloadChecking() -> (output: String, interrupted: Bool) {
    guard !paths.isEmpty else {
      loaded = SourceSet()
      let result = check(extra: nil)
      return (result.output, result.interrupted)
    }
    do {
      let files = try PolicyFiles.gather(paths)
      let (sources, diagnostics) = try PolicyFiles.read(files)
      let before = loaded
      loaded = sources
      let result = check(extra: nil, extraDiagnostics: diagnostics)
      if result.interrupted {
        loaded = before
        return (result.output, true)
      }
      let summary = "loaded \(files.count) file\(files.count == 1 ? "" : "s")"
      return (result.output + (result.clean ? summary + "\n" : ""), false)
    } catch {
      return ("error[\(error.code)]: \(error.message)\n", false)
    }
  }

  /// Adds `paths` to the loaded files and reloads (Ctrl-C during the check adds nothing).
  public func load(_ more: [String]) -> String {
    let before = paths
    paths += more
    do {
      _ = try PolicyFiles.gather(more)
    } catch {
      paths = before
      return "error[\(error.code)]: \(error.message)\n"
    }
    let result = reloadChecking()
    if result.interrupted { paths = before }
    return result.output
  }

  /// One piece of input (an expression or a declaration, possibly several lines): what to print.
  public func evaluate(_ text: String) -> String {
    let trimmed = text.trimmingWhitespace
    guard !trimmed.isEmpty else { return "" }
    if Input.isDeclaration(trimmed) {
      let result = check(extra: (trimmed, prefix: Session.header))
      guard result.clean else { return result.output }
      declarations.append(trimmed)
      return result.output + "defined \(Input.firstWord(trimmed)) \(declaredName(trimmed))\n"
    }
    let prefix = Session.header + "let \(Session.valueName) = "
    let result = check(extra: (trimmed, prefix: prefix))
    guard result.clean, let policies, let type = policies.typeOfLet(named: Session.valueName)
    else { return result.output }
    let evaluator = self.evaluator(policies)
    return interruptible {
      switch evaluator.valueOfLet(named: Session.valueName, for: learner, given: givenFacts) {
      case .success(let value)?: result.output + "\(value) : \(type)\n"
      case .failure(let failure)?: result.output + "error: \(failure.message)\n"
      case nil: result.output
      }
    }
  }

  /// An evaluator of every decision on the session's date that stops at Ctrl-C.
  func evaluator(_ policies: Policies) -> Evaluator {
    Evaluator(allDecisionsOf: policies, asOf: asOf, cancellation: cancellation)
  }

  /// What `body` prints, or `interrupted` when Ctrl-C stopped it (the flag is cleared for
  /// the next input).
  func interruptible(_ body: () -> String) -> String {
    let output = body()
    guard cancellation.isCancelled else { return output }
    cancellation.reset()
    return "interrupted\n"
  }

  /// The type of an expression, without evaluating it.
  func typeOf(_ text: String) -> String {
    let result = check(
      extra: (text.trimmingWhitespace, prefix: Session.header + "let \(Session.valueName) = "))
    guard result.clean, let type = policies?.typeOfLet(named: Session.valueName)
    else { return result.output }
    return type + "\n"
  }

  /// The name a declaration introduces (its second word).
  private func declaredName(_ text: String) -> String {
    let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "(" || $0 == ":" })
    return words.count > 1 ? String(words[1]) : ""
  }

  /// Checks the loaded files, the declarations so far and `extra` (typed input, checked as
  /// `prefix + text`); errors in the typed input point into the text as typed. Ctrl-C stops
  /// the wait (`interrupted`, printed as such, nothing of the session changed).
  func check(
    extra: (text: String, prefix: String)?, extraDiagnostics: [Diagnostic] = [],
    ignoring ignored: Set<DiagnosticCode> = []
  ) -> (clean: Bool, output: String, interrupted: Bool) {
    var sources = SourceSet()
    for file in loaded.files { _ = sources.add(path: file.path, bytes: file.bytes) }
    for (index, declaration) in declarations.enumerated() {
      _ = sources.add(
        path: "<input \(index + 1)>", bytes: Array((Session.header + declaration).utf8))
    }
    var shown = sources
    var inputFile: FileID?
    if let extra {
      inputFile = sources.add(path: "<input>", bytes: Array((extra.prefix + extra.text).utf8)).id
      _ = shown.add(path: "<input>", bytes: Array(extra.text.utf8))
    }
    let checking = sources
    guard
      let outcome = unlessInterrupted({
        let result = FrontEnd.check(checking, extraDiagnostics: extraDiagnostics)
        return (result, try? Policies.compile(result))
      })
    else {
      cancellation.reset()
      return (false, "interrupted\n", true)
    }
    let (result, compiled) = outcome
    if let compiled { policies = compiled }
    let shift = extra?.prefix.utf8.count ?? 0
    let limit = extra?.text.utf8.count ?? 0
    let firstTyped = FileID(loaded.files.count)
    // Names typed in the REPL are used by later input, not by rules: "never used" is noise.
    var kept = result.diagnostics.filter {
      !($0.code == .unusedDefinition && $0.span.file >= firstTyped) && !ignored.contains($0.code)
    }
    if let inputFile {
      // What the loaded files say was shown by `:load`; typed input shows only its own.
      kept = kept.filter { $0.span.file == inputFile }
      if kept.isEmpty, result.hasErrors {
        return (false, "error: the loaded policies have errors; fix them and `:reload`\n", false)
      }
    }
    let diagnostics = kept.map { diagnostic in
      var moved = diagnostic
      func move(_ span: Span) -> Span {
        guard span.file == inputFile else { return span }
        var span = span
        span.start = min(max(span.start - shift, 0), limit)
        span.end = min(max(span.end - shift, span.start), limit)
        return span
      }
      moved.span = move(moved.span)
      moved.labels = moved.labels.map { label in
        var label = label
        label.span = move(label.span)
        return label
      }
      return moved
    }
    let output = DiagnosticRenderer(format: .human, colour: false).render(
      diagnostics, sources: shown, omittedErrors: result.omittedErrors)
    return (!result.hasErrors && result.program != nil, output, false)
  }
}

extension String {
  var trimmingWhitespace: String {
    let characters = Array(self)
    var start = 0
    var end = characters.count
    while start < end, characters[start].isWhitespace { start += 1 }
    while end > start, characters[end - 1].isWhitespace { end -= 1 }
    return String(characters[start..<end])
  }
}
