import ArgumentParser
import CredenceServer
import CredenceStore
import CredenceWeb
import Dispatch
import Foundation

/// `credence serve`: the decision service (`serve run`, the default) and its keys.
struct Serve: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Serve decisions over HTTP, and manage the service's API keys.",
    subcommands: [ServeRun.self, ServeKeys.self],
    defaultSubcommand: ServeRun.self
  )
}

/// `credence serve POLICIES --db DB [--listen HOST:PORT] [--keys FILE]`.
struct ServeRun: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Serve the policies' decisions over HTTP/JSON until SIGTERM or SIGINT.",
    discussion: """
      Routes (the contract is GET /openapi.json): POST /v1/decide, POST /v1/what-if, \
      GET /v1/decisions, POST /v1/check, POST /v1/admin/reload, GET /metrics, GET /health, \
      GET /health/ready. Every route but the health routes needs a key from --keys \
      (`credence serve keys add` makes one).

      Pages for people, signed in with a key of scope decide: / (a learner's decisions, \
      explanations, paths and what-if), /cohort (a decision's dashboard over the store), \
      /reference (the policy reference).

      SIGHUP (or POST /v1/admin/reload) reads the policies and the keys file again: a \
      policy set with errors is refused and the set in force keeps serving. SIGTERM and \
      SIGINT stop taking connections and let requests in flight finish.

      Exit status: 0 after a clean shutdown; 65 when the policies have errors or the keys \
      file is malformed; 64 for wrong options; 66 when a path or the store does not exist; \
      74 when the address cannot be bound.
      """
  )

  @Argument(help: "Policy files or folders (searched recursively for *.credence).")
  var paths: [String]

  @Option(help: "The learner-record store (SQLite), opened read-only.")
  var db: String

  @Option(help: "The address to listen on, HOST:PORT (port 0 picks a free one).")
  var listen = "127.0.0.1:8080"

  @Option(help: "The keys file (`credence serve keys add` creates and extends it).")
  var keys: String?

  @Flag(
    name: .customLong("no-auth"),
    help: "Serve without keys (only on a loopback address, for trying the service out).")
  var noAuth = false

  @Flag(help: "Reload the policies when their files change (checked every 2 seconds).")
  var watch = false

  @Option(name: .customLong("log-format"), help: "Log lines as json or text.")
  var logFormat: LogFormat = .json

  @Option(
    name: .customLong("log-level"),
    help: "The least severe level logged: debug, info, notice, warning or error.")
  var logLevel: String = "info"

  enum LogFormat: String, ExpressibleByArgument {
    case json, text
  }

  var address: (host: String, port: Int)? {
    guard let colon = listen.lastIndex(of: ":"),
      let port = Int(listen[listen.index(after: colon)...]),
      (0...65535).contains(port)
    else { return nil }
    let host = String(listen[..<colon])
    return host.isEmpty ? nil : (host, port)
  }

  func validate() throws {
    guard let address else {
      throw ValidationError("`\(listen)` is not HOST:PORT (for example 127.0.0.1:8080)")
    }
    guard ServerLogging.isLevel(logLevel) else {
      throw ValidationError(
        "`\(logLevel)` is not a log level: debug, info, notice, warning or error")
    }
    if noAuth && keys != nil { throw ValidationError("give either --keys or --no-auth, not both") }
    if !noAuth && keys == nil {
      throw ValidationError(
        "give the keys file with --keys FILE (create it with `credence serve keys add`), or "
          + "--no-auth to try the service on a loopback address")
    }
    if noAuth && !["127.0.0.1", "::1", "localhost"].contains(address.host) {
      throw ValidationError("--no-auth serves only on a loopback address (127.0.0.1, ::1)")
    }
  }

  func run() throws {
    let logger = ServerLogging.logger(json: logFormat == .json, level: logLevel)
    let ring: KeyRing?
    do {
      ring = try keys.map(KeyFile.read)
    } catch {
      Terminal.printError("error: the keys file: \(error)")
      throw ExitStatus.dataError.exitCode
    }
    let policies: PolicyLibrary
    do {
      policies = try PolicyLibrary(paths: paths)
    } catch {
      switch error {
      case .unreadable(let message):
        Terminal.printError("error: \(message)")
        throw ExitStatus.noInput.exitCode
      case .errors(let count, _, _):
        Terminal.printError(
          "error: the policies have \(count) error\(count == 1 ? "" : "s"); fix them first "
            + "(`credence check` lists them)")
        throw ExitStatus.dataError.exitCode
      }
    }
    let store: StoreAccess
    do {
      if RecordStores.isPostgres(db) {
        let opened = try RecordStores.openForReading(db)
        store = StoreAccess(source: opened.source, name: opened.name)
      } else {
        store = try StoreAccess(path: db)
      }
    } catch let error as StoreError {
      throw DBSupport.report(error)
    }
    let state = ServiceState(
      policies: policies, store: store, keys: KeyStore(ring), keysPath: keys,
      metrics: ServerMetrics(), logger: logger)
    let service = DecisionService(
      state: state, host: address!.host, port: address!.port,
      watchInterval: watch ? .seconds(2) : nil, mounts: [WebPages().mount])
    try Self.waitFor {
      do {
        try await service.run()
      } catch {
        logger.critical("the server stopped", metadata: ["error": "\(error)"])
        throw ExitStatus.ioError.exitCode
      }
    }
  }

  /// Runs async work from this synchronous command (the CLI's entry point stays
  /// synchronous: docs/decisions.md) and waits for it on the main thread.
  static func waitFor(_ work: @escaping @Sendable () async throws -> Void) throws {
    let done = DispatchSemaphore(value: 0)
    let outcome = Outcome()
    Task {
      do { try await work() } catch { outcome.error = error }
      done.signal()
    }
    done.wait()
    if let error = outcome.error { throw error }
  }

  private final class Outcome: @unchecked Sendable {
    /// Written by the task before it signals, read after the wait.
    var error: (any Error)?
  }
}

/// `credence serve keys add --keys FILE --name NAME --scope SCOPE…`.
struct ServeKeys: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "keys",
    abstract: "Manage the API keys of the decision service.",
    subcommands: [ServeKeysAdd.self]
  )
}

extension Scope: ExpressibleByArgument {}

struct ServeKeysAdd: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add",
    abstract: "Add a new key to a keys file (created if missing) and print its token once.",
    discussion: """
      The file keeps only the key's SHA-256, with its name and scopes, one key a line: \
      `NAME SCOPES sha256:HEX`. The token printed is the only copy: give it to the caller. \
      Scopes: decide (decisions, what-if, the list of decisions), check (checking policy \
      text), metrics (GET /metrics), admin (reloads, and everything else). A running server \
      reads the file again on SIGHUP.
      """
  )

  @Option(help: "The keys file.")
  var keys: String

  @Option(help: "Who holds the key, for logs (letters, digits, '-', '_', '.').")
  var name: String

  @Option(
    name: .customLong("scope"), help: "A scope: decide, check, metrics or admin (repeatable).")
  var scopes: [Scope]

  func run() throws {
    do {
      let token = try KeyFile.addKey(name: name, scopes: Set(scopes), to: keys)
      Terminal.write(token + "\n")
    } catch {
      Terminal.printError("error: \(error)")
      throw ExitStatus.dataError.exitCode
    }
  }
}
