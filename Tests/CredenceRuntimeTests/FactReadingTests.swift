import CredenceRecords
import CredenceValues
import Testing

@testable import CredenceRuntime

/// Stored fact text read by the declared type: errors name the real cause, never the value.
@Suite struct FactReadingTests {
  @Test func anAmountInAnotherCurrencySaysSo() throws {
    let sgd = try #require(CurrencyCode(parsing: "SGD"))
    let read = FactType.money(sgd).read("2400 USD", learner: "L1", fact: "monthly_income")
    guard case .failure(let error) = read else {
      Issue.record("2400 USD read as a Money(SGD) fact")
      return
    }
    #expect(
      error.description
        == "`learner_facts` row `L1 / monthly_income`, column `value`: an amount in another "
        + "currency than `SGD`, the currency the fact is declared in")
    #expect(!error.description.contains("2400"))
    guard
      case .success(.money(let money)) = FactType.money(sgd).read(
        "2400 SGD", learner: "L1", fact: "x")
    else {
      Issue.record("2400 SGD not read")
      return
    }
    #expect(money.description == "2400 SGD")
    guard case .failure(let garbled) = FactType.money(sgd).read("2400 US", learner: "L1", fact: "x")
    else {
      Issue.record("2400 US read")
      return
    }
    #expect(garbled.problem == .notANumber)
  }
}
