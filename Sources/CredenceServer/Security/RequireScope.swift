import Foundation
import HTTPTypes
import Hummingbird

/// Lets a request through only with a key that has `scope`: 401 when the key is missing or
/// unknown, 403 when it lacks the scope. Both answers are the same for every route and
/// every key, and say nothing about the keys that exist.
struct RequireScope: RouterMiddleware {
  typealias Context = ServerContext
  /// Nil: any valid key will do (the contract document).
  let scope: Scope?
  let keys: KeyStore

  func handle(
    _ request: Request, context: ServerContext,
    next: (Request, ServerContext) async throws -> Response
  ) async throws -> Response {
    // An open server (`--no-auth`, loopback only) has no ring and lets every request in.
    guard let ring = keys.ring else { return try await next(request, context) }
    guard let token = Self.token(in: request.headers), let key = ring.key(for: token) else {
      throw APIError.unauthenticated
    }
    // Named before the scope check, so that the access log says which key was refused.
    context.notes.keyName = key.name
    guard scope?.isGranted(by: key.scopes) ?? true else { throw APIError.forbidden }
    return try await next(request, context)
  }

  /// The token of `Authorization: Bearer TOKEN` (the scheme in any case) or `X-API-Key`.
  static func token(in headers: HTTPFields) -> String? {
    if let value = headers[.authorization] {
      let parts = value.split(separator: " ", maxSplits: 1)
      if parts.count == 2, parts[0].lowercased() == "bearer" {
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : String(token)
      }
      return nil
    }
    if let value = headers[.apiKey], !value.isEmpty { return value }
    return nil
  }
}

extension HTTPField.Name {
  static let apiKey = Self("X-API-Key")!
}
