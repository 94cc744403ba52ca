import ArgumentParser
import Credence

/// `--shard K/N` of the batch commands (`eval --all`, `path --all`, `diff --all`): one of N
/// disjoint parts of the store's learners (``LearnerShard``), for N processes on N machines.
enum ShardArgument {
  /// The help every batch command gives for `--shard`.
  static let help: ArgumentHelp = """
    With --all: only shard K of N (0 <= K < N), the learners whose id hashes to K (FNV-1a \
    64 of the id's UTF-8 bytes, mod N). N processes with K = 0 … N-1 cover the store once; \
    docs/postgres.md says how their outputs merge.
    """

  /// Checks `text` (when given) is a shard, and `--all` is there to split.
  static func validate(_ text: String?, all: Bool) throws {
    guard let text else { return }
    guard all else { throw ValidationError("--shard splits a batch: add --all") }
    guard LearnerShard(parsing: text) != nil else {
      throw ValidationError("`\(text)` is not a shard K/N with 0 <= K < N, such as 0/4")
    }
  }
}
