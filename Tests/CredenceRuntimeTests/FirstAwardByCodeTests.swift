import CredenceTestSupport
import Testing

@testable import CredenceRuntime

/// The first award of each code, searched linearly in short pools and by a dictionary in
/// long ones, against a plain dictionary built in pool order.
@Suite struct FirstAwardByCodeTests {
  @Test func agreesWithADictionaryOnBothSidesOfTheLimit() {
    var random = SplitMix64(seed: 16)
    for _ in 0..<400 {
      let codeCount = 1 + Int(random.next() % 70)
      let poolSize = Int(random.next() % 120)
      let codes = (0..<poolSize).map { _ in "C\(random.next() % UInt64(codeCount))" }
      // Awards are indices into `codes`, in a shuffled pool order.
      var pool = Array(codes.indices)
      pool.shuffle(using: &random)
      var expected: [String: Int] = [:]
      for award in pool where expected[codes[award]] == nil { expected[codes[award]] = award }
      let found = FirstAwardByCode(pool) { codes[$0] }
      for code in Set(codes).union(["absent"]) {
        #expect(found.award(for: code) == expected[code])
      }
      // The scan without a table, for short pools: each award, and one not in the pool.
      guard pool.count <= FirstAwardByCode.linearLimit else { continue }
      for award in pool + [poolSize] {
        let code = award < codes.count ? codes[award] : "absent"
        let first = FirstAwardByCode.firstAward(of: award, in: pool) {
          $0 < codes.count ? codes[$0] : "absent"
        }
        #expect(first == expected[code] ?? award)
      }
    }
  }
}
