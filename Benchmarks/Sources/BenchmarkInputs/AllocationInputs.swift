import CredenceRuntime
import CredenceValues

/// Allocation problems the benchmarks solve: a pool of `size` credentials and a tree of
/// `all of` over counting, credit and `at least k of` requirements that compete for them.
public enum AllocationInputs {
  public static func pool(size: Int) -> [AllocationItem] {
    (0..<size).map { index in
      AllocationItem(
        code: code(index), credits: ExactDecimal(2 + index % 3), awardIDs: ["a\(index)"],
        rank: index)
    }
  }

  /// A stack-shaped requirement over a pool of `size`: core modules, electives by credits,
  /// a choice of specialisations, and a total.
  public static func requirement(size: Int) -> Requirement {
    let codes = (0..<size).map(code)
    let core = Array(codes.prefix(size / 4))
    let electives = EligibleCodes(Array(codes.dropFirst(size / 4)))
    let tracks: [Requirement] = stride(from: size / 4, to: size, by: max(1, size / 8)).map {
      .codes(atLeast: 2, of: Array(codes[$0..<min(size, $0 + size / 8)]))
    }
    return .allOf([
      .codes(atLeast: core.count / 2, of: core),
      .credits(ExactDecimal(size / 2), among: electives),
      .atLeast(2, of: tracks),
      .totalCredentials(size * 3 / 4),
    ])
  }

  static func code(_ index: Int) -> String { "MOD\(1000 + index)" }
}
