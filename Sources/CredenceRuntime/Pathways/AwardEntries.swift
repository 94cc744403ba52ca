import CredenceSemantics

/// Where deciding a target reads the learner's awards, and the static screen an award must
/// pass to be read at each place: what makes pruning the catalogue exact.
///
/// Adding an award changes only `learner.awards`. Every place the target's decision reads
/// them (its pool, the pools of the stacks it nests, of the decisions its conditions name,
/// a `let` such as a GPA over some awards) is found by walking every expression the
/// decision can evaluate. At a place of the form `learner.awards where c1 … where cn`, an
/// award is read only if every conjunct of every `ci` holds, so the static conjuncts
/// (``StaticConditions``) form its screen; the other conjuncts are walked in turn (they may
/// name a decision with a pool of its own). A decision's pool is narrowed further by what
/// its requirements or rules can take (an award none can take is never used): a listed code,
/// a `where` count's static conjuncts; a total takes any pool award. A place that reads the
/// awards some other way (`count(learner.awards)`, a pool that is not a filtered
/// `learner.awards`) has no screen: every credential matters there. A credential whose award
/// fails every screen can never change the target, for any learner.
struct AwardEntries {
  /// One place and its screen: the static conjuncts, each over its element slot.
  typealias Conjunct = (element: LocalSlot, condition: TypedExpr)

  struct Screen {
    var conjuncts: [Conjunct]
  }

  /// The places with a screen.
  private(set) var screens: [Screen] = []
  /// Whether some place reads every award (then every credential is a candidate).
  private(set) var readsEveryAward = false

  private var classifier: StaticConditions
  private let program: CheckedProgram
  private var seenDecisions: Set<DecisionID> = []
  private var seenLets: Set<Int> = []
  /// The frame screens are evaluated in: every frame of the program, and one slot more.
  let frameSize: Int
  /// The slot of the award a `credential_code in codes` screen reads: the last of the frame.
  private let codeSlot: LocalSlot

  /// The places deciding `decision` reads awards.
  init(of decision: DecisionID, in program: CheckedProgram) {
    self.program = program
    classifier = StaticConditions(program: program)
    let frames =
      program.stacks.map(\.localCount) + program.funds.map(\.localCount)
      + program.equivalences.map(\.localCount) + program.lets.map(\.localCount)
    codeSlot = LocalSlot(frames.max() ?? 0)
    frameSize = codeSlot.index + 1
    visit(decision)
  }

  private mutating func visit(_ decision: DecisionID) {
    guard seenDecisions.insert(decision).inserted else { return }
    switch decision {
    case .stack(let id):
      let stack = program[id]
      let pool = poolScreen(stack.pool)
      let uses = uses(of: stack.requirements)
      if let pool { add(pool, uses) }
    case .equivalence(let id):
      let equivalence = program[id]
      let pool = poolScreen(equivalence.pool)
      var uses: [[Conjunct]]? = []
      for rule in equivalence.rules {
        switch rule.source {
        case .code(let code):
          let text = TypedExpr(.constant(.text(code)), .text, span: rule.span)
          uses?.append([codeIn(TypedExpr(.list([text]), .list(.text), span: rule.span))])
        case .allOf(let codes):
          visit(codes)
          if classifier.isStatic(codes, bound: []) {
            uses?.append([codeIn(codes)])
          } else {
            uses = nil
          }
        case .each(let element, let condition):
          let conjuncts = screenConjuncts(condition, element: element)
          if conjuncts.isEmpty { uses = nil } else { uses?.append(conjuncts) }
        }
        visit(rule.credits)
      }
      for cap in equivalence.caps { visit(cap.limit) }
      if let pool { add(pool, uses) }
    case .fund(let id):
      let fund = program[id]
      if let filter = fund.perEnrolment?.filter { visit(filter) }
      for condition in fund.eligibility { visit(condition.expression) }
      if let rate = fund.rate { visit(rate) }
      if let amount = fund.amount { visit(amount) }
    }
  }

  /// The screen of a decision's pool: empty when it has none (every award); nil when the
  /// pool is not a filtered `learner.awards` (then it was visited in full).
  private mutating func poolScreen(_ pool: TypedExpr?) -> [Conjunct]? {
    guard let pool else { return [] }
    if let conjuncts = screen(of: pool) { return conjuncts }
    visit(pool)
    return nil
  }

  /// Records the places of a pool: an award matters only if it is in the pool and some
  /// rule or requirement can take it (`uses`, one screen per way; nil when one can take any
  /// pool award).
  private mutating func add(_ pool: [Conjunct], _ uses: [[Conjunct]]?) {
    for conjuncts in uses ?? [[]] {
      let all = pool + conjuncts
      if all.isEmpty {
        readsEveryAward = true
      } else {
        screens.append(Screen(conjuncts: all))
      }
    }
  }

  /// The ways a stack's requirements take awards from its pool, each a screen; nil when one
  /// can take any pool award (a total, a filter with no static conjunct). Nested stacks
  /// take from their own pools (visited as decisions); conditions take none.
  private mutating func uses(of requirements: [CheckedRequirement]) -> [[Conjunct]]? {
    var ways: [[Conjunct]]? = []
    for requirement in requirements {
      var more: [[Conjunct]]? = []
      switch requirement.kind {
      case .group(let quantifier, let children):
        if case .atLeast(let count) = quantifier { visit(count) }
        more = uses(of: children)
      case .codes(let quantifier, let codes):
        if case .atLeast(let count) = quantifier { visit(count) }
        visit(codes)
        more = classifier.isStatic(codes, bound: []) ? [[codeIn(codes)]] : nil
      case .count(let minimum, _, let filter):
        visit(minimum)
        if let filter {
          let conjuncts = screenConjuncts(filter.body, element: filter.element)
          more = conjuncts.isEmpty ? nil : [conjuncts]
        } else {
          more = nil  // a total counts every award the stack uses, and may take more
        }
      case .nested(let id):
        visit(.stack(id))
      case .condition(let condition):
        visit(condition)
      }
      if let more { ways?.append(contentsOf: more) } else { ways = nil }
    }
    return ways
  }

  /// The static conjuncts of a per-element condition; the others are visited.
  private mutating func screenConjuncts(_ condition: TypedExpr, element: LocalSlot)
    -> [Conjunct]
  {
    var conjuncts: [Conjunct] = []
    for conjunct in StaticConditions.conjuncts(of: condition) {
      if classifier.isStatic(conjunct, bound: [element]) {
        conjuncts.append((element, conjunct))
      } else {
        visit(conjunct)
      }
    }
    return conjuncts
  }

  /// `credential_code in codes` over the slot kept for it (past every frame of the program,
  /// so no binder of `codes` can overwrite it).
  private func codeIn(_ codes: TypedExpr) -> Conjunct {
    let element = TypedExpr(.local(codeSlot), .record(.award), span: codes.span)
    let code = TypedExpr(.field(element, .award(.credentialCode)), .text, span: codes.span)
    return (
      codeSlot,
      TypedExpr(.contains(element: code, list: codes, negated: false), .bool, span: codes.span)
    )
  }

  /// Any expression the decision may evaluate.
  private mutating func visit(_ expr: TypedExpr) {
    if let conjuncts = screen(of: expr) {
      if conjuncts.isEmpty {
        readsEveryAward = true
      } else {
        screens.append(Screen(conjuncts: conjuncts))
      }
      return
    }
    switch expr.node {
    case .field(_, .learner(.awards)):
      readsEveryAward = true  // the awards of a learner passed around as a value
    case .value(let id):
      if seenLets.insert(id.index).inserted { visit(program.lets[id.index].body) }
    case .call(let id, let arguments):
      arguments.forEach { visit($0) }
      if seenLets.insert(id.index).inserted { visit(program.lets[id.index].body) }
    case .decision(let id):
      visit(id)
    case .claim(let fund, let enrolment):
      visit(.fund(fund))
      visit(enrolment)
    default:
      expr.node.operands.forEach { visit($0) }
    }
  }

  /// When `expr` is a list of the learner's awards narrowed by filters (`learner.awards`,
  /// `… where c`, `distinct … by k`, a let holding one): the static conjuncts an award must
  /// pass to be in it (empty: every award is). The other conjuncts, and keys, are visited.
  /// nil when `expr` is not of that form (and then nothing was visited).
  private mutating func screen(of expr: TypedExpr) -> [Conjunct]? {
    switch expr.node {
    case .field(let record, .learner(.awards)) where record.node == .learner:
      return []
    case .filter(let list, let element, let condition):
      guard let conjuncts = screen(of: list) else { return nil }
      return conjuncts + screenConjuncts(condition, element: element)
    case .distinct(let list, _, let key):
      // Distinct keeps a subset of its list: an award not in the list is not in it.
      guard let conjuncts = screen(of: list) else { return nil }
      visit(key)
      return conjuncts
    case .value(let id):
      return screen(of: program.lets[id.index].body)
    default:
      return nil
    }
  }
}

/// A screen of ``AwardEntries`` compiled: each static conjunct with its element slot.
struct PathwayScreen {
  var conjuncts: [(slot: Int, condition: CompiledExpr)]

  /// The screens of the places deciding `target` reads awards, and the frame they are
  /// evaluated in; nil screens when one place reads every award (no credential can be left
  /// out).
  static func screens(of target: PathwayTarget, in program: CompiledProgram)
    -> (screens: [PathwayScreen]?, frame: Int)
  {
    let entries = AwardEntries(of: target.decision, in: program.checked)
    if entries.readsEveryAward { return (nil, entries.frameSize) }
    let compiler = Compiler(program: program.checked)
    let screens = entries.screens.map { screen in
      PathwayScreen(
        conjuncts: screen.conjuncts.map { ($0.element.index, compiler.compile($0.condition)) })
    }
    return (screens, entries.frameSize)
  }
}
