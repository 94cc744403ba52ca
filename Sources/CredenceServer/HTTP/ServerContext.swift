import Hummingbird
import Synchronization

/// The request context: Hummingbird's core storage and notes the middlewares share.
public struct ServerContext: RequestContext {
  public var coreContext: CoreRequestContextStorage
  /// Shared by the copies of the context that each middleware gets, so that the access
  /// log (outermost) sees what the key check (innermost) learned.
  let notes = RequestNotes()

  public init(source: ApplicationRequestContextSource) {
    coreContext = .init(source: source)
  }

  /// Bodies are collected by `RequestBody` under ``ServerLimits/maximumRequestBytes``.
  public var maxUploadSize: Int { ServerLimits.maximumRequestBytes }
}

/// What one request's handling learned along the way.
final class RequestNotes: Sendable {
  private let key = Mutex<String?>(nil)

  /// The name of the key that authenticated the request (never the token).
  var keyName: String? {
    get { key.withLock { $0 } }
    set { key.withLock { $0 = newValue } }
  }
}
