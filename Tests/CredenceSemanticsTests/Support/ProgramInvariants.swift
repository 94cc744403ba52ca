import CredenceSemantics
import CredenceSyntax

/// What the evaluator relies on in a checked program, checked by walking all of it: every
/// slot inside its frame, every id in its table, calls with the right number of
/// arguments, conditions typed `Bool`, an evaluation order that respects dependencies.
struct ProgramInvariants {
  let program: CheckedProgram
  var problems: [String] = []

  init(_ program: CheckedProgram) {
    self.program = program
  }

  /// Every broken invariant, described; empty when the program is sound.
  static func problems(in program: CheckedProgram) -> [String] {
    var walker = ProgramInvariants(program)
    walker.walkProgram()
    return walker.problems
  }

  mutating func fail(_ what: String) { problems.append(what) }

  mutating func walkProgram() {
    for param in program.params {
      for value in param.values { walk(value.value, frame: param.localCount, in: param.name) }
    }
    for (index, item) in program.lets.enumerated() {
      let arity = item.parameters?.count ?? 0
      if item.localCount < arity { fail("let \(item.name): frame smaller than its parameters") }
      for (position, parameter) in (item.parameters ?? []).enumerated()
      where parameter.slot.index != position {
        fail("let \(item.name): parameter \(parameter.name) not in slot \(position)")
      }
      walk(item.body, frame: item.localCount, in: "let #\(index) \(item.name)")
    }
    for stack in program.stacks {
      if let pool = stack.pool { walk(pool, frame: stack.localCount, in: stack.name) }
      for requirement in stack.requirements {
        walk(requirement, frame: stack.localCount, in: stack.name)
      }
    }
    for fund in program.funds {
      let frame = fund.localCount
      if let per = fund.perEnrolment {
        slot(per.binder, frame, fund.name)
        if let filter = per.filter { condition(filter, frame: frame, in: fund.name) }
      }
      if let rateSlot = fund.rateSlot { slot(rateSlot, frame, fund.name) }
      for c in fund.eligibility { condition(c.expression, frame: frame, in: fund.name) }
      if let rate = fund.rate { walk(rate, frame: frame, in: fund.name) }
      if let amount = fund.amount { walk(amount, frame: frame, in: fund.name) }
    }
    for equivalence in program.equivalences {
      let frame = equivalence.localCount
      if let pool = equivalence.pool { walk(pool, frame: frame, in: equivalence.name) }
      for rule in equivalence.rules {
        switch rule.source {
        case .code: break
        case .allOf(let codes): walk(codes, frame: frame, in: equivalence.name)
        case .each(let element, let c):
          slot(element, frame, equivalence.name)
          condition(c, frame: frame, in: equivalence.name)
        }
        walk(rule.credits, frame: frame, in: equivalence.name)
      }
      for cap in equivalence.caps { walk(cap.limit, frame: frame, in: equivalence.name) }
    }
    for test in program.tests {
      for column in test.columns { slot(column.slot, test.localCount, test.description) }
      for example in test.examples where example.values.count != test.columns.count {
        fail("test \(test.description): an example row of the wrong width")
      }
      for example in test.examples {
        for value in example.values { walk(value, frame: test.localCount, in: test.description) }
      }
      for fixture in test.fixtures {
        for value in fixture.values {
          walk(value.value, frame: test.localCount, in: test.description)
        }
      }
      for expectation in test.expectations {
        condition(expectation.condition, frame: test.localCount, in: test.description)
      }
    }
    // The evaluation order: each definition once, after what it uses.
    var position: [DefinitionID: Int] = [:]
    for (index, definition) in program.evaluationOrder.enumerated() {
      if position.updateValue(index, forKey: definition) != nil {
        fail("\(definition) twice in order")
      }
    }
    let count =
      program.params.count + program.lets.count + program.stacks.count
      + program.funds.count + program.equivalences.count
    if position.count != count { fail("evaluation order has \(position.count) of \(count)") }
    for (definition, uses) in program.dependencies {
      for use in uses
      where (position[use] ?? .max) >= (position[definition] ?? .min) && use != definition {
        fail("\(definition) is ordered before \(use), which it uses")
      }
      if uses.contains(definition) { fail("\(definition) uses itself") }
    }
  }

  mutating func slot(_ slot: LocalSlot, _ frame: Int, _ owner: String) {
    if slot.index < 0 || slot.index >= frame {
      fail("\(owner): slot \(slot) outside a frame of \(frame)")
    }
  }

  mutating func condition(_ expr: TypedExpr, frame: Int, in owner: String) {
    if expr.type != .bool && expr.type != .unknown {
      fail("\(owner): a condition of type \(expr.type)")
    }
    walk(expr, frame: frame, in: owner)
  }

  mutating func walk(_ requirement: CheckedRequirement, frame: Int, in owner: String) {
    func quantifier(_ q: CheckedRequirement.Quantifier) -> TypedExpr? {
      if case .atLeast(let n) = q { n } else { nil }
    }
    switch requirement.kind {
    case .group(let q, let items):
      if let n = quantifier(q) { walk(n, frame: frame, in: owner) }
      for item in items { walk(item, frame: frame, in: owner) }
    case .codes(let q, let codes):
      if let n = quantifier(q) { walk(n, frame: frame, in: owner) }
      walk(codes, frame: frame, in: owner)
    case .count(let minimum, _, let filter):
      walk(minimum, frame: frame, in: owner)
      if let filter {
        slot(filter.element, frame, owner)
        condition(filter.body, frame: frame, in: owner)
      }
    case .nested(let id):
      if id.index >= program.stacks.count { fail("\(owner): stack \(id) out of range") }
    case .condition(let c):
      condition(c, frame: frame, in: owner)
    }
  }

  mutating func walk(_ expr: TypedExpr, frame: Int, in owner: String) {
    switch expr.node {
    case .constant, .asOf, .learner:
      break
    case .list(let items):
      for item in items { walk(item, frame: frame, in: owner) }
    case .local(let s):
      slot(s, frame, owner)
    case .fact(let id):
      if id.index >= program.facts.count { fail("\(owner): fact \(id) out of range") }
    case .param(let id):
      if id.index >= program.params.count { fail("\(owner): param \(id) out of range") }
    case .paramOn(let id, let date):
      if id.index >= program.params.count { fail("\(owner): param \(id) out of range") }
      walk(date, frame: frame, in: owner)
    case .value(let id):
      if id.index >= program.lets.count || program[id].parameters != nil {
        fail("\(owner): value of let \(id) that is missing or a function")
      }
    case .call(let id, let arguments):
      if id.index >= program.lets.count || program[id].parameters?.count != arguments.count {
        fail("\(owner): call of let \(id) with \(arguments.count) arguments")
      }
      for argument in arguments { walk(argument, frame: frame, in: owner) }
    case .decision(let id):
      if case .fund(let f) = id, program[f].perEnrolment != nil {
        fail("\(owner): per-enrolment fund \(program[f].name) used without an enrolment")
      }
    case .claim(let id, let enrolment):
      if program[id].perEnrolment == nil { fail("\(owner): per-learner fund used as a claim") }
      walk(enrolment, frame: frame, in: owner)
    case .field(let base, _), .projection(let base, _), .decisionField(let base, _),
      .negate(_, let base), .status(let base, _), .presence(let base, _),
      .assertCurrency(let base, _):
      walk(base, frame: frame, in: owner)
    case .not(let c):
      condition(c, frame: frame, in: owner)
    case .and(let a, let b), .or(let a, let b):
      condition(a, frame: frame, in: owner)
      condition(b, frame: frame, in: owner)
    case .arithmetic(_, let a, let b), .compare(_, let a, let b):
      walk(a, frame: frame, in: owner)
      walk(b, frame: frame, in: owner)
    case .contains(let element, let list, _):
      walk(element, frame: frame, in: owner)
      walk(list, frame: frame, in: owner)
    case .conditional(let c, let a, let b):
      condition(c, frame: frame, in: owner)
      walk(a, frame: frame, in: owner)
      walk(b, frame: frame, in: owner)
    case .firstMatch(let table):
      if !table.isPartial,
        !table.rows.contains(where: { row in
          row.condition == nil || row.condition?.node == .constant(.bool(true))
        })
      {
        fail("\(owner): a table without a catch-all row that is not partial")
      }
      for row in table.rows {
        if let c = row.condition { condition(c, frame: frame, in: owner) }
        walk(row.result, frame: frame, in: owner)
      }
    case .filter(let list, let element, let c):
      walk(list, frame: frame, in: owner)
      slot(element, frame, owner)
      condition(c, frame: frame, in: owner)
    case .distinct(let list, let element, let key):
      walk(list, frame: frame, in: owner)
      slot(element, frame, owner)
      walk(key, frame: frame, in: owner)
    case .aggregate(_, let list, let perElement):
      walk(list, frame: frame, in: owner)
      if let perElement {
        slot(perElement.element, frame, owner)
        walk(perElement.body, frame: frame, in: owner)
      }
    case .extremum(_, let values), .builtin(_, let values):
      for value in values { walk(value, frame: frame, in: owner) }
    case .round(let x, let places, _):
      walk(x, frame: frame, in: owner)
      walk(places, frame: frame, in: owner)
    }
  }
}
