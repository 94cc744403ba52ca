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

  public var body: String { JSONText.object([("error", object)]) + "\n" }

  /// The value of the body's `error` member.
  var object: String {
    var members = [("code", JSONText.string(code)), ("message", JSONText.string(message))]
    if let details { members.append(("details", details)) }
    return JSONText.object(members)
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

  /// An evaluation stopped by ``ServerLimits/evaluationTime``: 503 with `Retry-After`.
  /// The step limit stops a learner whose records are too large first (at about a second),
  /// so meeting the time limit says the server was busy, and a later try may be answered.
  static func timeLimit(_ limit: Duration) -> APIError {
    var error = APIError(
      .serviceUnavailable, "evaluation_time_limit",
      "the evaluation took longer than the limit of \(limit) and was stopped; "
        + "the server is busy, try again after the time in `Retry-After`")
    error.headers[.retryAfter] = "\(ServerLimits.retryAfterSeconds)"
    return error
  }

  /// Decisions that ran out of the evaluator's steps per learner: the reply keeps them
  /// (the unfinished ones are `error`s with the reason) beside this error, with 422.
  static var stepLimit: APIError {
    APIError(
      .unprocessableContent, "evaluation_step_limit",
      "evaluating a learner took more steps than the limit per learner; the decisions it "
        + "could not finish have status `error` and say why (the records are too large "
        + "for a rule, and asking again gives the same answer)")
  }

  static var internalError: APIError {
    APIError(
      .internalServerError, "internal_error",
      "the server could not answer this request; its log has the details")
  }
}
