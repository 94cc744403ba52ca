import Credence
import Foundation

/// A checked, compiled set of policy files and its version: what answers requests until
/// the next successful reload. Immutable, so requests share it without locks.
public final class PolicySet: Sendable {
  public let version: PolicyVersion
  public let policies: Policies
  /// The decisions with their documentation, for `GET /v1/decisions`.
  public let decisions: [DecisionSummary]
  /// The files' names, relative to the folder they share (as the version hashes them):
  /// never a path of the server's machine.
  public let files: [String]
  public let warningCount: Int
  public let loadedAt: Date

  public var fileCount: Int { files.count }

  init(
    version: PolicyVersion, policies: Policies, decisions: [DecisionSummary],
    files: [String], warningCount: Int
  ) {
    self.version = version
    self.policies = policies
    self.decisions = decisions
    self.files = files
    self.warningCount = warningCount
    self.loadedAt = Date()
  }

  /// Why a set of policy files cannot serve: the files could not be read, or they have
  /// errors (`diagnostics` is the JSON of `credence check --error-format json`).
  public enum Refusal: Error, Sendable {
    case unreadable(message: String)
    case errors(count: Int, diagnosticsJSON: String, version: PolicyVersion)
  }

  /// The version of the files under `paths` as they are now, without checking them.
  public static func version(of paths: [String]) throws(Refusal) -> PolicyVersion {
    do {
      let (sources, _) = try PolicyFiles.read(try PolicyFiles.gather(paths))
      return PolicyVersion.of(sources.files.map { ($0.path, $0.bytes) })
    } catch {
      throw .unreadable(message: error.message)
    }
  }

  /// Loads and checks the policy files under `paths`; a set with errors is refused.
  /// Tests are left unchecked, as in `credence eval`.
  public static func load(paths: [String]) throws(Refusal) -> PolicySet {
    let sources: SourceSet
    let loadDiagnostics: [Diagnostic]
    do {
      (sources, loadDiagnostics) = try PolicyFiles.read(try PolicyFiles.gather(paths))
    } catch {
      throw .unreadable(message: error.message)
    }
    let version = PolicyVersion.of(sources.files.map { ($0.path, $0.bytes) })
    let result = FrontEnd.check(sources, extraDiagnostics: loadDiagnostics, scope: .withoutTests)
    let policies: Policies
    do {
      policies = try Policies.compile(result)
    } catch {
      let renderer = DiagnosticRenderer(format: .json, colour: false)
      let json = renderer.render(
        result.diagnostics.filter(\.isError), sources: result.sources,
        omittedErrors: result.omittedErrors)
      throw .errors(count: result.errorCount, diagnosticsJSON: json, version: version)
    }
    return PolicySet(
      version: version, policies: policies, decisions: policies.decisionSummaries,
      files: PolicyVersion.relativeNames(sources.files.map(\.path)),
      warningCount: result.warningCount)
  }
}
