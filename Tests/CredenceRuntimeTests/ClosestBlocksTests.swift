import CredenceRuntime
import CredenceTestSupport
import CredenceValues
import Testing

/// `any of` blocks of `all of` options competing for shared credentials (issue 15's case:
/// twelve such blocks): the closest assignment is the one that meets the most blocks. When
/// the search finishes, the reported assignment meets as many as a brute force finds; when
/// its node limit cuts it short, the allocation says so (and the explanation prints it,
/// `StackExplanationTests`).
struct BlocksCase: CustomStringConvertible {
  /// Each block's options, each option the codes it needs all of.
  var blocks: [[[String]]]
  /// The codes the learner holds.
  var held: [String]

  var tree: Requirement {
    .allOf(blocks.map { options in .anyOf(options.map { .allOfCodes($0) }) })
  }
  var pool: [AllocationItem] { held.map { item($0, "1") } }
  var description: String { "\(blocks) holding \(held)" }

  /// The most blocks that can hold together, each credential serving one option: a depth-
  /// first search over "this option or skip the block", cut when it cannot beat the best.
  var mostBlocksHeld: Int {
    let held = Set(self.held)
    var best = 0
    func walk(_ block: Int, _ used: Set<String>, _ count: Int) {
      if count + (blocks.count - block) <= best { return }
      if block == blocks.count {
        best = count
        return
      }
      for option in blocks[block] where option.allSatisfy({ held.contains($0) }) {
        let codes = Set(option)
        if codes.isDisjoint(with: used) { walk(block + 1, used.union(codes), count + 1) }
      }
      walk(block + 1, used, count)
    }
    walk(0, [], 0)
    return best
  }

  /// Twelve blocks over nine shared credentials P0…P8: block i can take P(i mod 9) with Qi,
  /// or P((i + 3) mod 9) with Ri. Every block needs a P of its own, so at most 9 of the 12
  /// hold together, and 9 do.
  static let twelve = BlocksCase(
    blocks: (0..<12).map { block in
      [["P\(block % 9)", "Q\(block)"], ["P\((block + 3) % 9)", "R\(block)"]]
    },
    held: (0..<9).map { "P\($0)" } + (0..<12).flatMap { ["Q\($0)", "R\($0)"] })

  /// A random case: 2 to `maximumBlocks` blocks of 1 to 3 options of 1 to 3 codes, drawn
  /// from a few shared codes so that options compete; most codes are held.
  static func random(_ random: inout SplitMix64, maximumBlocks: Int) -> BlocksCase {
    func below(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }
    let codes = (0..<(4 + below(8))).map { "C\($0)" }
    let blocks = (0..<(2 + below(maximumBlocks - 1))).map { _ in
      (0..<(1 + below(3))).map { _ in
        Array(Set((0..<(1 + below(3))).map { _ in codes[below(codes.count)] })).sorted()
      }
    }
    let held = codes.filter { _ in below(5) > 0 }
    return BlocksCase(blocks: blocks, held: held)
  }
}

/// The blocks the allocation reports as held (counted children of the root that hold).
private func blocksHeld(_ result: Allocation) -> Int {
  result.root.children.count { $0.status == .true }
}

@Suite struct ClosestBlocksTests {
  @Test(
    "the issue's twelve blocks: 9 hold together, and the closest says so or says it is unproven")
  func twelveBlocks() {
    let twelve = BlocksCase.twelve
    #expect(twelve.mostBlocksHeld == 9)
    let result = Allocator.allocate(twelve.tree, pool: twelve.pool)
    #expect(result.status == .notAchieved)
    if result.closestIsExact {
      #expect(blocksHeld(result) == 9, "\(result.root)")
    } else {
      #expect(blocksHeld(result) <= 9)
    }
    // The smallest budget that decides the answer cannot finish the closest search: the
    // answer is exact, and the allocation does not claim its assignment is the closest.
    var limit = 1_000
    while limit < AllocationLimits.defaultSearchNodes,
      Allocator.allocate(twelve.tree, pool: twelve.pool, options: .init(searchNodeLimit: limit))
        .status != .notAchieved
    {
      limit += limit / 2
    }
    let cut = Allocator.allocate(
      twelve.tree, pool: twelve.pool, options: .init(searchNodeLimit: limit))
    #expect(cut.status == .notAchieved)
    #expect(!cut.closestIsExact)
  }

  @Test("random blocks: a finished search meets as many blocks as the brute force, 200 cases")
  func randomBlocks() {
    var random = SplitMix64(seed: 0x5EED_0B10)
    var finished = 0
    var notAchieved = 0
    for number in 0..<200 {
      let blocks = BlocksCase.random(&random, maximumBlocks: 10)
      let result = Allocator.allocate(blocks.tree, pool: blocks.pool)
      let most = blocks.mostBlocksHeld
      #expect((result.status == .achieved) == (most == blocks.blocks.count), "\(number): \(blocks)")
      guard result.status == .notAchieved else { continue }
      notAchieved += 1
      guard result.closestIsExact else {
        #expect(blocksHeld(result) <= most, "\(number): \(blocks)")
        continue
      }
      finished += 1
      #expect(blocksHeld(result) == most, "\(number): \(blocks)")
    }
    // Enough not-achieved cases with a finished search for the comparison to mean something.
    #expect(notAchieved >= 50 && finished >= notAchieved / 2, "\(finished) of \(notAchieved)")
  }
}
