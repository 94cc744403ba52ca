import HTTPTypes
import Hummingbird

/// HTML replies. Pages never throw to the server's envelope (which answers in JSON): every
/// failure a person can meet is rendered as a page that says what to do.
enum Page {
  static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
    Response(
      status: status,
      headers: [
        .contentType: "text/html; charset=utf-8",
        // Learner records: never kept by a shared cache, never framed by another site.
        .cacheControl: "no-store",
        .contentSecurityPolicy:
          "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
          + "frame-ancestors 'none'; form-action 'self'",
        .xContentTypeOptions: "nosniff",
      ],
      body: .init(byteBuffer: ByteBuffer(string: text)))
  }

  /// A 303 to `location` (after a form, or to the login page).
  static func redirect(to location: String, headers extra: HTTPFields = [:]) -> Response {
    var headers: HTTPFields = [.location: location, .cacheControl: "no-store"]
    headers.append(contentsOf: extra)
    return Response(status: .seeOther, headers: headers)
  }

  /// A static asset (style sheet, script), cacheable for an hour.
  static func asset(_ text: String, type: String) -> Response {
    Response(
      status: .ok, headers: [.contentType: type, .cacheControl: "max-age=3600"],
      body: .init(byteBuffer: ByteBuffer(string: text)))
  }

  static func json(_ text: String) -> Response {
    Response(
      status: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"],
      body: .init(byteBuffer: ByteBuffer(string: text)))
  }
}

extension HTTPField.Name {
  static let contentSecurityPolicy = Self("Content-Security-Policy")!
  static let xContentTypeOptions = Self("X-Content-Type-Options")!
  static let xForwardedProto = Self("X-Forwarded-Proto")!
}
