import CredenceSemantics
import CredenceSyntax
import CredenceValues

/// A checked program compiled once for evaluation: immutable, shareable between threads,
/// reusable for any number of learners and evaluation dates.
public final class CompiledProgram: Sendable {
  public let checked: CheckedProgram
  /// The tests of the program.
  public var checkedTests: [CheckedTest] { checked.tests }
  /// The policy texts, for locations and quoting rules in explanations (optional).
  let sources: SourceSet?
  let lets: [CompiledLet]
  let params: [CompiledParam]
  let facts: [(name: String, type: FactType)]
  let policies: [PolicyDates]
  let stacks: [CompiledStack]
  let funds: [CompiledFund]
  let equivalences: [CompiledEquivalence]
  let scales: [CheckedScale]
  /// Every decision, in declaration order.
  public let decisions: [DecisionID]
  /// Stack allocations by shape, shared by every session evaluating this program.
  let allocationMemo = AllocationMemo()

  /// Compiles `program`; `sources` lets errors and explanations quote the policy text.
  public convenience init(_ program: CheckedProgram, sources: SourceSet? = nil) {
    self.init(program, sources: sources, fusesAwardReads: true)
  }

  /// `fusesAwardReads: false` compiles every award field read through the general readers
  /// (the tests compare the fused comparisons with them).
  init(_ program: CheckedProgram, sources: SourceSet?, fusesAwardReads: Bool) {
    checked = program
    self.sources = sources
    scales = program.scales
    var compiler = Compiler(program: program)
    compiler.fusesAwardReads = fusesAwardReads
    var paramCompiler = compiler
    paramCompiler.insideParam = true
    lets = program.lets.map { definition in
      CompiledLet(
        name: definition.name, hasParameters: definition.parameters != nil,
        parameterCount: definition.parameters?.count ?? 0, localCount: definition.localCount,
        body: compiler.compile(definition.body))
    }
    params = program.params.map { definition in
      CompiledParam(
        name: definition.name,
        values: definition.values.map { ($0.from, paramCompiler.compile($0.value)) },
        localCount: definition.localCount)
    }
    facts = program.facts.map { fact in (fact.name, Self.factType(fact.type, program)) }
    policies = program.policies.map { policy in
      PolicyDates(title: policy.title, effective: policy.effective, until: policy.until)
    }
    stacks = program.stacks.map { compiler.compileStack($0) }
    funds = program.funds.map { compiler.compileFund($0) }
    equivalences = program.equivalences.map { compiler.compileEquivalence($0) }
    decisions = program.decisions
  }

  /// How a fact's stored text is read.
  static func factType(_ type: ValueType, _ program: CheckedProgram) -> FactType {
    switch type {
    case .bool: .bool
    case .number: .number
    case .percent: .percent
    case .money(let currency): .money(currency)
    case .date: .date
    case .duration: .duration
    case .grade(let scale): .grade(scale: scale.index, program[scale].scale)
    default: .text
    }
  }

  /// Whether the program declares any fact (if not, learners' facts are never read).
  public var declaresFacts: Bool { !facts.isEmpty }

  /// The decision declared as `name`.
  public func decision(named name: String) -> DecisionID? { checked.decision(named: name) }

  /// A decision's name as written in the policy.
  public func name(of decision: DecisionID) -> String { checked.name(of: decision) }

  /// The names of every decision, in declaration order.
  public var decisionNames: [String] { decisions.map { checked.name(of: $0) } }

  /// `path:line:column` of a span, when the sources are known.
  func location(of span: Span) -> String? {
    guard let file = sources?[span.file] else { return nil }
    let location = file.location(of: span.start)
    return "\(file.path):\(location.line):\(location.column)"
  }

  /// The policy text a span covers, on one line.
  func text(of span: Span) -> String? {
    guard let file = sources?[span.file] else { return nil }
    let text = file.text(of: span)
    let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
    return words.joined(separator: " ")
  }
}
