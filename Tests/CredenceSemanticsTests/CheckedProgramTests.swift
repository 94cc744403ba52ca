import CredenceSemantics
import CredenceSyntax
import CredenceValues
import Testing

/// The shape of checked programs the evaluator relies on: names resolved to slots, ids and
/// enum cases, operations chosen by type, run-time currency checks where needed.
@Suite struct CheckedProgramTests {
  static let header =
    "policy \"p\"\n  version \"1\"\n  grades letter\n\nscale letter: \"C\" < \"B\" < \"A\"\n"

  func program(_ text: String) throws -> CheckedProgram {
    let checked = Programs.check(Self.header + text)
    #expect(checked.summary.filter { $0.contains("error") } == [])
    return try #require(checked.outcome.program)
  }

  func body(_ program: CheckedProgram, _ name: String) throws -> TypedExpr {
    try #require(program.lets.first { $0.name == name }).body
  }

  @Test func whereElementsAndTheirFieldsAreSlots() throws {
    let p = try program(
      """
      let good(min: Number) = learner.awards where credential.level >= min and grade >= "B"
      test "t"
        as of 2026-01-01
        expect count(good(6)) >= 0
      """)
    let good = try #require(p.lets.first { $0.name == "good" })
    #expect(good.parameters?.map(\.slot) == [LocalSlot(0)])
    #expect(good.localCount == 2)
    guard case .filter(let list, let element, let condition) = good.body.node,
      case .and(let level, let grade) = condition.node,
      case .compare(let levelComparison, let levelField, let minimum) = level.node,
      case .compare(let gradeComparison, let gradeField, let bar) = grade.node
    else {
      Issue.record("unexpected shape: \(good.body.node)")
      return
    }
    #expect(
      list.node
        == .field(TypedExpr(.learner, .record(.learner), span: list.span), .learner(.awards)))
    #expect(element == LocalSlot(1))
    // `credential.level` is the element's credential's level; `min` is parameter slot 0.
    guard case .field(let credential, .credential(.level)) = levelField.node,
      case .field(let award, .award(.credential)) = credential.node
    else {
      Issue.record("unexpected field access: \(levelField.node)")
      return
    }
    #expect(award.node == .local(LocalSlot(1)))
    #expect(minimum.node == .local(LocalSlot(0)))
    #expect(levelComparison == Comparison(.greaterOrEqual, .number))
    // `grade >= "B"`: the award's grade on the file's scale, against a resolved rank.
    let scale = try #require(p.symbol(named: "letter"))
    guard case .scale(let scaleID) = scale else { return }
    #expect(gradeField.type == .grade(scaleID))
    #expect(bar.node == .constant(.grade(scaleID, rank: 1, mark: "B")))
    #expect(gradeComparison == Comparison(.greaterOrEqual, .grade))
  }

  @Test func fundsBindTheEnrolmentAndTheRate() throws {
    let p = try program(
      """
      fund mces "MCES" per enrolment e
        where "ssg-funded" in e.credential.tags
        rate 90%
        amount round(rate * e.fee, 2)
      let claimed(id: Text) = mces(id).amount
      test "t"
        as of 2026-01-01
        expect claimed("E1") >= 0 SGD
      """)
    let fund = p.funds[0]
    let binder = try #require(fund.perEnrolment?.binder)
    let rateSlot = try #require(fund.rateSlot)
    #expect(binder != rateSlot && fund.localCount == 2)
    guard case .round(let product, _, .halfAwayFromZero) = fund.amount?.node,
      case .arithmetic(.multiplyPercentByMoney, let rate, let fee) = product.node
    else {
      Issue.record("unexpected amount: \(String(describing: fund.amount?.node))")
      return
    }
    #expect(rate.node == .local(rateSlot))
    #expect(fee.type == .money(nil))
    #expect(fund.currency == nil)
    let claimed = try body(p, "claimed")
    guard case .decisionField(let decision, .amount) = claimed.node,
      case .claim(let id, let enrolment) = decision.node
    else {
      Issue.record("unexpected claim: \(claimed.node)")
      return
    }
    #expect(id == FundID(0) && enrolment.node == .local(LocalSlot(0)))
  }

  @Test func recordCurrenciesAreCheckedWhereAKnownOneIsNeeded() throws {
    let p = try program(
      """
      let payable(e: Enrolment): Money(SGD) = e.fee
      let either(e: Enrolment) = if e.status == "x" then 0 SGD else e.fee
      let sum_fees(e: Enrolment) = e.fee + 5 SGD
      test "t"
        as of 2026-01-01
        expect count(learner.enrolments, payable(it) > either(it) or sum_fees(it) > 0 SGD) >= 0
      """)
    let sgd = CurrencyCode(parsing: "SGD")
    let payable = try body(p, "payable")
    #expect(payable.type == .money(sgd))
    if case .assertCurrency(let fee, let code) = payable.node {
      #expect(code == sgd && fee.type == .money(nil))
    } else {
      Issue.record("no currency check: \(payable.node)")
    }
    let either = try body(p, "either")
    #expect(either.type == .money(sgd))
    if case .conditional(_, _, let otherwise) = either.node {
      #expect(otherwise.node == .assertCurrency(otherwise.withoutAssertion, try #require(sgd)))
    }
    // Arithmetic checks currencies itself: no assertion, and the known currency wins.
    let sum = try body(p, "sum_fees")
    #expect(sum.type == .money(sgd))
    if case .arithmetic(.addMoney, let fee, _) = sum.node {
      #expect(fee.type == .money(nil))
    } else {
      Issue.record("unexpected sum: \(sum.node)")
    }
  }

  @Test func paramsDecisionsAndFactsAreIds() throws {
    let p = try program(
      """
      param rate: Percent = 50% from 2020-01-01  70% from 2024-01-01
      fact income: Money(SGD)
      stack gc "GC"
        require at least 1 credential
      let uses(e: Enrolment) = rate as of e.start_on > rate and income > 0 SGD and gc is achieved
        and learner.income == income
      test "t"
        as of 2026-01-01
        expect count(learner.enrolments, uses(it)) >= 0
      """)
    #expect(p.params[0].values.map(\.from) == [CivilDate("2020-01-01"), CivilDate("2024-01-01")])
    let uses = try body(p, "uses")
    var nodes: [TypedExpr.Node] = []
    func collect(_ e: TypedExpr) {
      nodes.append(e.node)
      switch e.node {
      case .and(let a, let b), .compare(_, let a, let b): collect(a); collect(b)
      case .status(let d, _): collect(d)
      default: break
      }
    }
    collect(uses)
    #expect(nodes.contains { if case .paramOn(ParamID(0), _) = $0 { true } else { false } })
    #expect(nodes.contains(.param(ParamID(0))))
    #expect(nodes.filter { $0 == .fact(FactID(0)) }.count == 3)
    #expect(nodes.contains(.decision(.stack(StackID(0)))))
    // The let uses the param and the stack: they come first in evaluation order.
    let order = p.evaluationOrder
    let usesIndex = try #require(order.firstIndex(of: .let(LetID(0))))
    #expect(try #require(order.firstIndex(of: .param(ParamID(0)))) < usesIndex)
    #expect(try #require(order.firstIndex(of: .stack(StackID(0)))) < usesIndex)
    #expect(Set(p.dependencies[.let(LetID(0))] ?? []) == [.param(ParamID(0)), .stack(StackID(0))])
  }

  @Test func testsKeepFixturesColumnsAndExpectations() throws {
    let p = try program(
      """
      fact income: Money(SGD)
      let poor = income < 2000 SGD
      test "examples"
        as of 2026-01-01
        given fact income = pay
        given award "IS5003" on 2025-01-01 grade "A"
        expect poor == expected
        examples
          | pay      | expected |
          | 1000 SGD | true     |
          | 3000 SGD | false    |
      """)
    let test = p.tests[0]
    #expect(test.columns.map(\.name) == ["pay", "expected"])
    #expect(test.columns.map(\.type) == [.money(CurrencyCode(parsing: "SGD")), .bool])
    #expect(test.examples.count == 2 && test.examples.allSatisfy { $0.values.count == 2 })
    #expect(test.fixtures.map(\.kind) == [.fact(FactID(0)), .award])
    #expect(
      test.fixtures[1].values.map(\.field) == [
        .award(.credentialCode), .award(.awardedOn), .award(.grade),
      ])
    #expect(test.fixtures[0].values.first?.value.node == .local(test.columns[0].slot))
    #expect(test.asOf == CivilDate("2026-01-01"))
  }
}

extension TypedExpr {
  /// The expression inside a currency assertion (for comparing shapes).
  var withoutAssertion: TypedExpr {
    if case .assertCurrency(let inner, _) = node { return inner }
    return self
  }
}
