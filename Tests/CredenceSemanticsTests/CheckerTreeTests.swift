import CredenceSemantics
import CredenceSyntax
import CredenceValues
import Testing

/// Checker tests over hand-built trees: independent of the parser, positions given by
/// explicit offsets.
@Suite struct CheckerTreeTests {
  /// Builds nodes with distinct, increasing spans so diagnostics can be told apart.
  final class Trees {
    let file: FileID
    var offset = 0
    init(file: Int) { self.file = FileID(file) }

    func span(_ length: Int = 1) -> Span {
      defer { offset += length + 1 }
      return Span(file: file, start: offset, end: offset + length)
    }
    func name(_ text: String) -> Name { Name(text, span: span(text.utf8.count)) }
    func ref(_ text: String) -> Expr { Expr(.name(name(text)), span: span()) }
    func number(_ digits: String) -> Expr {
      Expr(.literal(.number(DecimalText(integerDigits: digits))), span: span())
    }
    func money(_ digits: String, _ currency: String) -> Expr {
      Expr(.literal(.money(DecimalText(integerDigits: digits), currency: currency)), span: span())
    }
    func binary(_ op: BinaryOperator, _ a: Expr, _ b: Expr) -> Expr {
      Expr(.binary(op, a, b), span: a.span.through(b.span))
    }
    func header() -> Declaration {
      Declaration(.policy(PolicyHeader(title: TextLiteral("p", span: span()))), span: span())
    }
    func `let`(_ n: String, _ body: Expr, type: TypeSyntax? = nil) -> Declaration {
      Declaration(.let(LetDeclaration(name: name(n), type: type, body: body)), span: span())
    }
    func type(_ n: String, _ argument: String? = nil) -> TypeSyntax {
      let argumentType = argument.map { TypeSyntax(name: name($0), span: span()) }
      return TypeSyntax(name: name(n), argument: argumentType, span: span())
    }
    func fileSyntax(_ declarations: [Declaration]) -> FileSyntax {
      FileSyntax(file: file, declarations: [header()] + declarations)
    }
  }

  @Test func duplicatesAcrossFilesShowBothPlaces() {
    let a = Trees(file: 0)
    let first = a.let("rate", a.number("1"))
    let fileA = a.fileSyntax([first, a.let("user", a.ref("rate"))])
    let b = Trees(file: 1)
    let second = b.let("rate", b.number("2"))
    let fileB = b.fileSyntax([second])
    let outcome = Checker.check([fileA, fileB])
    let errors = outcome.diagnostics.filter(\.isError)
    #expect(errors.count == 1)
    #expect(errors.first?.code == .duplicateDeclaration)
    #expect(errors.first?.message == "`rate` is declared twice")
    #expect(errors.first?.span.file == FileID(1))
    #expect(errors.first?.labels.first?.span.file == FileID(0))
    #expect(outcome.program == nil)
  }

  @Test func cyclesNameEveryLink() {
    let t = Trees(file: 0)
    let file = t.fileSyntax([
      t.let("a", t.binary(.add, t.ref("b"), t.number("1"))),
      t.let("b", t.ref("c")),
      t.let("c", t.ref("a")),
    ])
    let outcome = Checker.check([file])
    let cycle = outcome.diagnostics.filter { $0.code == .dependencyCycle }
    #expect(cycle.count == 1)
    #expect(cycle.first?.message == "`a` depends on itself: `a` → `b` → `c` → `a`")
    #expect(
      cycle.first?.labels.map(\.message) == [
        "`a` uses `b` here", "`b` uses `c` here", "`c` uses `a` here",
      ])
  }

  @Test func mixingCurrenciesIsAnError() {
    let t = Trees(file: 0)
    let file = t.fileSyntax([
      t.let("total", t.binary(.add, t.money("500", "SGD"), t.money("150", "USD")))
    ])
    let outcome = Checker.check([file])
    let errors = outcome.diagnostics.filter(\.isError)
    #expect(errors.map(\.code) == [.currencyMismatch])
    #expect(errors.first?.message == "cannot add `Money(SGD)` and `Money(USD)`")
  }

  @Test func checkedProgramResolvesNamesToIds() throws {
    let t = Trees(file: 0)
    let file = t.fileSyntax([
      t.let("base", t.money("500", "SGD"), type: t.type("Money", "SGD")),
      t.let("twice", t.binary(.multiply, t.ref("base"), t.number("2"))),
      t.let("user", t.binary(.greater, t.ref("twice"), t.money("0", "SGD"))),
    ])
    let outcome = Checker.check([file])
    let program = try #require(outcome.program)
    let twice = try #require(program.lets.first { $0.name == "twice" })
    #expect(twice.type == .money(CurrencyCode(parsing: "SGD")))
    guard case .arithmetic(.multiplyMoneyByNumber, let base, _) = twice.body.node,
      case .value(let id) = base.node
    else {
      Issue.record("expected money × number over a let, got \(twice.body.node)")
      return
    }
    #expect(program[id].name == "base")
    // `base` comes before `twice`, and `twice` before `user`, in evaluation order.
    let order = program.evaluationOrder.compactMap { definition -> String? in
      if case .let(let l) = definition { program[l].name } else { nil }
    }
    #expect(order == ["base", "twice", "user"])
  }
}
