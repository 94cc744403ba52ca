import CredenceRecords
import CredenceSemantics
import CredenceSyntax
import CredenceValues

/// The state of evaluating one learner at a time: the learner, a stack of frames for locals,
/// memo tables indexed by declaration, and the step budget.
///
/// One machine per thread; it is reset between learners and keeps its buffers, so a batch
/// allocates per learner only what the learner's own values need. Params are the same for
/// every learner, so their values on the evaluation date are kept across learners.
///
/// The per-learner state is read and written by every step of every closure; its stored
/// properties are marked `@exclusivity(unchecked)` because the run-time check of exclusive
/// access (a thread-local access set per read) cost several percent of a batch. The machine
/// is confined to one thread and its code never holds one of them across a call that could
/// touch it again (every write is a plain assignment or append after its value is computed).
final class Machine {
  let program: CompiledProgram
  let options: EvaluationOptions
  /// The evaluation date.
  let asOf: CredenceValues.CivilDate
  /// The learner being evaluated, its lists in the order policies see them.
  @exclusivity(unchecked) private(set) var learner: Learner
  /// Facts given typed for the learner (a test's fixtures), by fact index.
  @exclusivity(unchecked) private(set) var givenFacts = GivenFacts()
  /// `learner.awards` as a list value, made once per learner (most pools start from it).
  @exclusivity(unchecked) private(set) var awardsValue: Value = .list(.empty)

  /// Locals of every active frame, innermost last.
  @exclusivity(unchecked) var locals: [Value] = []
  /// Where the current frame starts in ``locals``.
  @exclusivity(unchecked) var base = 0

  @exclusivity(unchecked) var letMemo: [Result<Value, EvaluationFailure>?]
  @exclusivity(unchecked) var factMemo: [Result<Value, EvaluationFailure>?]
  @exclusivity(unchecked) var stackMemo: [DecisionOutcome?]
  @exclusivity(unchecked) var fundMemo: [DecisionOutcome?]
  @exclusivity(unchecked) var equivalenceMemo: [DecisionOutcome?]
  /// Per fund: enrolment index → the claim's outcome.
  @exclusivity(unchecked) var claimMemo: [[Int: DecisionOutcome]]
  @exclusivity(unchecked) var balanceMemo = SchemeBalances()
  /// Whether `learner.ledger` itself was read since the last reset (a sum over its rows):
  /// the planner then counts the claim as drawing on every scheme (``pathwayClaim``).
  @exclusivity(unchecked) var readLedger = false
  /// Stack allocations by the shape of their input (kept for the run).
  var allocationMemo: AllocationMemo { program.allocationMemo }

  /// Params on the evaluation date; learner-independent, so kept for the whole run.
  @exclusivity(unchecked) var paramsOnAsOf: [Result<Value, EvaluationFailure>?]
  /// Params on other dates, by (param, day).
  var paramsOnDates: [Int64: Result<Value, EvaluationFailure>] = [:]
  /// The date params are read on while a param's own value is evaluated.
  @exclusivity(unchecked) var paramDate: CredenceValues.CivilDate?

  @exclusivity(unchecked) var steps = 0
  /// The most steps before ``step(_:at:)`` fails: the learner's budget, or a side pass's.
  @exclusivity(unchecked) var stepLimit: Int
  /// The enrolment a pathway planner added to ask funds about a course not yet taken: its
  /// id is the planner's, so reasons name it as "the planned enrolment in CODE".
  var plannedEnrolment: Int?
  /// 1 while a side pass runs (``sidePass(_:)``); nested passes do not start another.
  var sidePassDepth = 0
  /// Whether the running side pass reached its step limit.
  var sidePassExhausted = false
  /// Set only by `credence test --coverage`: the recorder of rules the tests exercise.
  var coverage: CoverageRecorder?
  /// Where ``step(_:at:)`` leaves its fast path (`Machine+Cancellation.swift`).
  @exclusivity(unchecked) var stepCheckpoint = 0
  /// Texts of the commonest reasons, kept across learners.
  let reasonTexts = ReasonTexts()
  /// How many definitions deep an explanation currently is.
  var explanationDepth = 0
  /// Whether decisions keep in their outcomes the values an explanation shows (the value of
  /// each condition they evaluate): on when explanations are asked for, and for policy
  /// tests, whose failures are explained. Off, decisions keep nothing more than they need.
  var recordsExplanations: Bool

  init(program: CompiledProgram, asOf: CredenceValues.CivilDate, options: EvaluationOptions) {
    self.program = program
    self.options = options
    self.asOf = asOf
    self.stepLimit = options.stepsPerLearner
    self.recordsExplanations = options.explain
    self.learner = Learner(id: "")
    letMemo = Array(repeating: nil, count: program.lets.count)
    factMemo = Array(repeating: nil, count: program.facts.count)
    stackMemo = Array(repeating: nil, count: program.stacks.count)
    fundMemo = Array(repeating: nil, count: program.funds.count)
    equivalenceMemo = Array(repeating: nil, count: program.equivalences.count)
    claimMemo = Array(repeating: [:], count: program.funds.count)
    paramsOnAsOf = Array(repeating: nil, count: program.params.count)
    locals.reserveCapacity(256)
  }

  /// Starts on a new learner: forgets every per-learner value, keeps the buffers.
  func reset(for learner: Learner, given facts: GivenFacts = GivenFacts()) {
    self.learner = learner
    givenFacts = facts
    awardsValue = .list(awardList(count: learner.awards.count))
    for index in letMemo.indices { letMemo[index] = nil }
    for index in factMemo.indices { factMemo[index] = nil }
    for index in stackMemo.indices { stackMemo[index] = nil }
    for index in fundMemo.indices { fundMemo[index] = nil }
    for index in equivalenceMemo.indices { equivalenceMemo[index] = nil }
    for index in claimMemo.indices where !claimMemo[index].isEmpty {
      claimMemo[index].removeAll(keepingCapacity: true)
    }
    if !balanceMemo.isEmpty { balanceMemo.removeAll(keepingCapacity: true) }
    readLedger = false
    locals.removeAll(keepingCapacity: true)
    base = 0
    steps = 0
    stepCheckpoint = 0
    paramDate = nil
    plannedEnrolment = nil
  }

  /// The most awards whose list value ``awardList(count:)`` keeps.
  static let maximumSharedAwardList = 64

  /// `[award 0, …, award count-1]`, the same for every learner with `count` awards.
  private var awardLists: [ValueList] = []

  /// The list of a learner's awards, shared across learners with as many awards (kept up to
  /// ``maximumSharedAwardList``), so that starting on a learner allocates nothing for it.
  func awardList(count: Int) -> ValueList {
    func make(_ count: Int) -> ValueList {
      ValueList((0..<count).map { .record(.award(Int32($0))) })
    }
    guard count <= Self.maximumSharedAwardList else { return make(count) }
    while awardLists.count <= count { awardLists.append(make(awardLists.count)) }
    return awardLists[count]
  }

  // MARK: Frames

  /// Reads a local of the current frame.
  @inline(__always) func local(_ slot: Int) -> Value { locals[base &+ slot] }

  /// Writes a local of the current frame.
  @inline(__always) func setLocal(_ slot: Int, _ value: Value) { locals[base &+ slot] = value }

  /// Runs `body` in a fresh frame of `size` locals (all unknown).
  @inline(__always)
  func inFrame<T>(_ size: Int, _ body: (Machine) throws(EvaluationFailure) -> T)
    throws(EvaluationFailure) -> T
  {
    let savedBase = base
    let newBase = locals.count
    for _ in 0..<size { locals.append(.unknown) }
    base = newBase
    defer {
      locals.removeSubrange(newBase...)
      base = savedBase
    }
    return try body(self)
  }

  /// Counts `count` evaluation steps, failing past the limit.
  @inline(__always) func step(_ count: Int = 1, at span: Span?) throws(EvaluationFailure) {
    steps &+= count
    if steps > stepCheckpoint { try stepCheckpointReached(at: span) }
  }

  // MARK: Definitions

  /// A `let` without parameters, evaluated once per learner.
  func letValue(_ index: Int) throws(EvaluationFailure) -> Value {
    if let memo = letMemo[index] { return try memo.get() }
    let definition = program.lets[index]
    let result: Result<Value, EvaluationFailure>
    do {
      let value = try inFrame(definition.localCount) { machine throws(EvaluationFailure) in
        try definition.body.code(machine)
      }
      result = .success(value)
    } catch {
      result = .failure(error)
    }
    letMemo[index] = result
    return try result.get()
  }

  /// A `let` with parameters, called with arguments evaluated in the caller's frame.
  func call(_ index: Int, _ arguments: [CompiledExpr], at span: Span)
    throws(EvaluationFailure) -> Value
  {
    try step(at: span)
    let definition = program.lets[index]
    let savedBase = base
    let newBase = locals.count
    defer {
      locals.removeSubrange(newBase...)
      base = savedBase
    }
    // Each argument is evaluated in the caller's frame; frames it opens close before the
    // next append, so the new frame's slots are contiguous.
    for argument in arguments { locals.append(try argument.code(self)) }
    for _ in arguments.count..<max(arguments.count, definition.localCount) {
      locals.append(.unknown)
    }
    base = newBase
    return try definition.body.code(self)
  }

  /// A let with parameters applied to values already computed (explanations).
  func call(_ index: Int, values: [Value]) throws(EvaluationFailure) -> Value {
    let definition = program.lets[index]
    return try inFrame(max(values.count, definition.localCount)) {
      machine throws(EvaluationFailure) in
      for (slot, value) in values.enumerated() { machine.setLocal(slot, value) }
      return try definition.body.code(machine)
    }
  }

  /// A declared fact of the learner, read with its declared type on first use.
  func fact(_ index: Int) throws(EvaluationFailure) -> Value {
    if let memo = factMemo[index] { return try memo.get() }
    let result: Result<Value, EvaluationFailure>
    let declared = program.facts[index]
    if let typed = givenFacts[fact: index] {
      result = .success(typed)
    } else if let text = learner.fact(declared.name) {
      switch declared.type.read(text, learner: learner.id.text, fact: declared.name) {
      case .success(let value): result = .success(value)
      case .failure(let error): result = .failure(EvaluationFailure(error.description, at: nil))
      }
    } else {
      result = .success(.unknown)
    }
    factMemo[index] = result
    return try result.get()
  }

  /// A param's value on the evaluation date.
  func param(_ index: Int) throws(EvaluationFailure) -> Value {
    if let date = paramDate { return try param(index, on: date) }
    if let cached = paramsOnAsOf[index] { return try cached.get() }
    let result = paramResult(index, on: asOf)
    paramsOnAsOf[index] = result
    return try result.get()
  }

  /// A param's value on `date`: the value with the latest `from` on or before it; unknown
  /// before the first.
  func param(_ index: Int, on date: CredenceValues.CivilDate) throws(EvaluationFailure) -> Value {
    if date == asOf, paramDate == nil || paramDate == asOf {
      if let cached = paramsOnAsOf[index] { return try cached.get() }
    }
    let key = Int64(index) << 32 | Int64(UInt32(bitPattern: date.dayNumber))
    if let cached = paramsOnDates[key] { return try cached.get() }
    let result = paramResult(index, on: date)
    paramsOnDates[key] = result
    return try result.get()
  }

  private func paramResult(_ index: Int, on date: CredenceValues.CivilDate) -> Result<
    Value, EvaluationFailure
  > {
    let definition = program.params[index]
    guard let entry = definition.values.last(where: { $0.from.map { $0 <= date } ?? true })
    else { return .success(.unknown) }
    let saved = paramDate
    paramDate = date
    defer { paramDate = saved }
    do {
      let value = try inFrame(definition.localCount) { machine throws(EvaluationFailure) in
        try entry.value.code(machine)
      }
      return .success(value)
    } catch {
      return .failure(error)
    }
  }

  /// `balance(scheme)` on the evaluation date.
  func balance(_ scheme: String, at span: Span) throws(EvaluationFailure) -> Value {
    let result: Result<Money, LedgerBalance.Problem>
    if let memo = balanceMemo[scheme] {
      result = memo
    } else {
      result = LedgerBalance.balance(of: scheme, on: asOf, rows: learner.ledger)
      balanceMemo[scheme] = result
    }
    switch result {
    case .success(let money): return .money(money)
    case .failure(.unknownRow): return .unknown
    case .failure(.mixedCurrencies(let a, let b)):
      throw EvaluationFailure(
        "the ledger rows of scheme `\(scheme)` are in two currencies, `\(a)` and `\(b)`",
        at: span)
    case .failure(.overflow):
      throw EvaluationFailure(
        "the balance of scheme `\(scheme)` is beyond the range of exact numbers", at: span)
    }
  }
}
