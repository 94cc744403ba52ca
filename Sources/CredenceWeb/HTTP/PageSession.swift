import CredenceServer
import Crypto
import Hummingbird

/// The pages' sign-in: the API key itself, typed once into the login form and kept in a
/// cookie that scripts cannot read (`HttpOnly`) and other sites cannot send
/// (`SameSite=Strict`). The server checks it against the same key ring as the API, so a key
/// removed from the keys file stops working on the next reload (docs/decisions.md).
struct PageSession: Sendable {
  static let cookieName = "credence_key"
  /// A random secret of this process: the forms' CSRF tokens are derived from it.
  private let secret = SymmetricKey(size: .bits256)

  /// The key presented in the cookie, if any.
  static func token(in request: Request) -> String? {
    for field in request.headers[values: .cookie] {
      for part in field.split(separator: ";") {
        let pair = part.split(separator: "=", maxSplits: 1)
        if pair.count == 2, String(pair[0]).trimmingWhitespace == cookieName {
          let value = String(pair[1]).trimmingWhitespace
          return value.isEmpty ? nil : value
        }
      }
    }
    return nil
  }

  /// Whether `token` is a key that may read learners (scope `decide`); any request passes
  /// on an open server (`--no-auth`).
  static func admits(_ token: String?, keys: KeyStore) -> Bool {
    guard let ring = keys.ring else { return true }
    guard let token, let key = ring.key(for: token) else { return false }
    return Scope.decide.isGranted(by: key.scopes)
  }

  /// The `Set-Cookie` value that signs in with `token`; `Secure` when the request came
  /// through a TLS proxy.
  static func cookie(_ token: String, secure: Bool) -> String {
    "\(cookieName)=\(token); Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
  }

  /// The `Set-Cookie` value that signs out.
  static let expiredCookie =
    "\(cookieName)=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"

  /// The CSRF token of the forms shown to the holder of `token`: an HMAC of the key under
  /// this process's secret, so a page of another site can neither read nor guess it.
  func csrfToken(for token: String?) -> String {
    let mac = HMAC<SHA256>.authenticationCode(for: Array((token ?? "").utf8), using: secret)
    let digits = Array("0123456789abcdef")
    return String(mac.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] })
  }

  /// Whether a posted form carries the CSRF token of the key in its cookie.
  func acceptsForm(_ form: Form, from request: Request) -> Bool {
    guard let sent = form["csrf"] else { return false }
    let expected = csrfToken(for: Self.token(in: request))
    // Compared in constant time: the position of the first wrong digit must not show.
    guard sent.utf8.count == expected.utf8.count else { return false }
    return zip(sent.utf8, expected.utf8).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
  }
}

/// Lets a page request through only with a key cookie the ring admits; otherwise sends the
/// browser to the login page, which brings it back here afterwards.
struct PageGate: RouterMiddleware {
  typealias Context = ServerContext
  let keys: KeyStore

  func handle(
    _ request: Request, context: ServerContext,
    next: (Request, ServerContext) async throws -> Response
  ) async throws -> Response {
    if PageSession.admits(PageSession.token(in: request), keys: keys) {
      return try await next(request, context)
    }
    let back = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
    return Page.redirect(to: "/login?next=" + Form.encode(back))
  }
}
