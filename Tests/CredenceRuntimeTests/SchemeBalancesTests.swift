import CredenceTestSupport
import CredenceValues
import Testing

@testable import CredenceRuntime

/// The per-learner memo of scheme balances answers as the dictionary it replaced: random
/// reads, writes, removals and resets over names of equal and different lengths, including
/// names equal only as Unicode (composed and decomposed `é`), which a dictionary treats as
/// one key.
@Suite struct SchemeBalancesTests {
  @Test func answersAsADictionary() throws {
    let names = [
      "sfc-opening", "sfc-top-up-2020", "sfc-mid-career", "a", "b", "ab", "ba", "",
      "caf\u{E9}", "cafe\u{301}", "sfc-openinG",
    ]
    let money = try #require(Money(parsing: "12.50 SGD"))
    let balances: [SchemeBalances.Balance] = [
      .success(money), .failure(.unknownRow), .failure(.overflow),
      .success(Money(.zero, LedgerBalance.noCurrency)),
    ]
    var random = SplitMix64(seed: 17)
    var memo = SchemeBalances()
    var dictionary: [String: SchemeBalances.Balance] = [:]
    for _ in 0..<20_000 {
      let name = names[Int(random.next() % UInt64(names.count))]
      switch random.next() % 10 {
      case 0:
        memo.removeAll(keepingCapacity: true)
        dictionary.removeAll()
      case 1:
        memo[name] = nil
        dictionary[name] = nil
      case 2, 3, 4:
        let balance = balances[Int(random.next() % UInt64(balances.count))]
        memo[name] = balance
        dictionary[name] = balance
      default:
        #expect(memo[name] == dictionary[name])
      }
      #expect(memo.isEmpty == dictionary.isEmpty)
    }
    var seen: [String: SchemeBalances.Balance] = [:]
    for (scheme, balance) in memo { seen[scheme] = balance }
    #expect(seen == dictionary)
  }
}
