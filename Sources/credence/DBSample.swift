import ArgumentParser
import CredenceSample
import CredenceStore
import Foundation

/// `credence db sample DB --learners N --seed S`: a deterministic sample population.
struct DBSample: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sample",
    abstract: "Write a deterministic, realistic sample population into a new store.",
    discussion: """
      The same --learners and --seed always give the same rows. A new store is written \
      beside the target and renamed into place when complete; an existing store must have \
      no learners yet and is filled in one transaction, unless --replace asks for a new one \
      in its place. The population is as at \
      \(SamplePopulation.today.year)-06-30: Singapore citizens and others, SkillsFuture \
      Credit ledgers, awards from a fixed catalogue (NUS, MITx, Google, generated courses) \
      and programme tracks that exercise the example policies in policies/.
      """
  )

  @Argument(help: "The SQLite database file to create or fill.")
  var database: String

  // `.unconditional`: `--learners -5` is the value -5, refused below, not a missing value.
  @Option(parsing: .unconditional, help: "How many learners to write.")
  var learners: Int = 1_000

  @Option(help: "The seed: another seed gives another population.")
  var seed: UInt64 = 1

  @Flag(
    help: """
      Replace the database if it exists: the new sample is built beside it and renamed over \
      it only when complete (a store in use is never replaced).
      """)
  var replace = false

  /// A count outside the generator's range is a usage error (64), found before any file
  /// is touched.
  func validate() throws {
    guard (1...SamplePopulation.maxLearners).contains(learners) else {
      throw ValidationError(
        "--learners must be between 1 and \(SamplePopulation.maxLearners), not \(learners)")
    }
  }

  func run() throws {
    try DBSupport.run {
      let population = try SamplePopulation(learners: learners, seed: seed)
      let counts = try population.write(toFile: database, replacing: replace)
      let rows = counts.map { "\($0.table) \($0.rows)" }.joined(separator: ", ")
      Terminal.printLine(
        "wrote a sample of \(learners) learners (seed \(seed)) to `\(database)`: \(rows)")
    }
  }
}
