import HTTPTypes
import Hummingbird

/// A request the server answers with an error: a status, a stable code and a message that
/// says what to do. Messages never quote learner data (ids, records) or key material.
///
/// The body is `{"error":{"code":…,"message":…}}`, with `details` (JSON already written,
/// such as a reload's diagnostics) when there are some.
public struct APIError: Error, Sendable, HTTPResponseError {
  public var status: HTTPResponse.Status
  public var code: String
  public var message: String
  public var headers: HTTPFields = [:]
  /// JSON text placed beside `code` and `message`.
  var details: String?

  public init(_ status: HTTPResponse.Status, _ code: String, _ message: String) {
    self.status = status
    self.code = code
    self.message = message
  }

  public var body: String {
    var members = [("code", JSONText.string(code)), ("message", JSONText.string(message))]
    if let details { members.append(("details", details)) }
    return JSONText.object([("error", JSONText.object(members))]) + "\n"
  }

  public func response(from request: Request, context: some RequestContext) throws -> Response {
    var headers = self.headers
    headers[.contentType] = "application/json"
    return Response(
      status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
  }
}

extension APIError {
  /// Missing and wrong keys get the same answer, so that a caller learns nothing about
  /// which keys exist.
  static var unauthenticated: APIError {
    var error = APIError(
      .unauthorized, "unauthenticated",
      "a valid API key is needed: send `Authorization: Bearer KEY` or `X-API-Key: KEY`")
    error.headers[.wwwAuthenticate] = "Bearer realm=\"credence\""
    return error
  }

  static var forbidden: APIError {
    APIError(.forbidden, "forbidden", "this key's scopes do not include this route")
  }

  static var notFound: APIError {
    APIError(.notFound, "not_found", "no such route; `GET /openapi.json` lists the routes")
  }

  static var methodNotAllowed: APIError {
    APIError(.methodNotAllowed, "method_not_allowed", "this route does not take this method")
  }

  static func tooLarge(limit: Int) -> APIError {
    APIError(
      .contentTooLarge, "body_too_large",
      "the request body is larger than the limit of \(limit / 1024) KiB")
  }

  static func badRequest(_ message: String) -> APIError {
    APIError(.badRequest, "bad_request", message)
  }

  static var internalError: APIError {
    APIError(
      .internalServerError, "internal_error",
      "the server could not answer this request; its log has the details")
  }
}
