import CredenceStore
import CredenceValues
import Foundation

/// The bundled sample store behind `credence eval --sample`: generated once into a cache
/// folder and reused after, so that a newcomer's first command needs no store of their own.
///
/// The store's name says what it holds (the generator's generation, the learner count and
/// the seed), so a cache written by another version of the generator is never read as this
/// one's. Writing is `SamplePopulation.write(toFile:)`'s: a temporary file beside the store,
/// linked into place only when complete, so no reader ever sees half a store; when two
/// processes generate at once, the first to finish links its file and the other uses it.
public enum SampleCache {
  /// Learners in the bundled sample: enough for every example in the README and docs
  /// (a learner's rows do not depend on how many learners there are).
  public static let learners = 1_000
  /// The seed of the bundled sample (the README's examples are for seed 1).
  public static let seed: UInt64 = 1
  /// Changes whenever the generator writes other rows for the same seed, so that stores a
  /// previous generator cached are not reused (`SamplePopulationTests` pins a fingerprint of
  /// the rows to this number).
  public static let generation = 1

  /// The environment variable that names the cache folder, before `XDG_CACHE_HOME`.
  public static let folderVariable = "CREDENCE_CACHE_DIR"

  /// The store's file name in the cache folder.
  public static var fileName: String { "sample-g\(generation)-\(learners)-seed\(seed).db" }

  /// The date the sample population is as of, which makes its examples meaningful.
  public static var asOf: CivilDate {
    let today = SamplePopulation.today
    return CivilDate(year: today.year, month: today.month, day: today.day) ?? .min
  }

  /// The cache folder: `$CREDENCE_CACHE_DIR`, else `$XDG_CACHE_HOME/credence`, else
  /// `$HOME/.cache/credence`; nil when none of them is set.
  public static func folder(environment: [String: String]) -> String? {
    if let folder = environment[folderVariable], !folder.isEmpty { return folder }
    if let cache = environment["XDG_CACHE_HOME"], !cache.isEmpty {
      return (cache as NSString).appendingPathComponent("credence")
    }
    if let home = environment["HOME"], !home.isEmpty {
      return (home as NSString).appendingPathComponent(".cache/credence")
    }
    return nil
  }

  /// The path of the sample store in `folder`, written first when it is missing (the folder
  /// too); `created` says whether this call wrote it.
  public static func store(in folder: String) throws -> (path: String, created: Bool) {
    let path = (folder as NSString).appendingPathComponent(fileName)
    if FileManager.default.fileExists(atPath: path) { return (path, false) }
    do {
      try FileManager.default.createDirectory(
        atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw StoreError(
        .database, "cannot make the sample's cache folder `\(folder)`",
        help: "point \(folderVariable) at a folder you can write to")
    }
    do {
      _ = try SamplePopulation(learners: learners, seed: seed).write(toFile: path)
      return (path, true)
    } catch {
      // Another process linked its store into place first: it is the same sample.
      if FileManager.default.fileExists(atPath: path) { return (path, false) }
      throw error
    }
  }
}
