import CredenceServer
import Hummingbird

extension WebPages {
  func login(_ request: Request, _ state: ServiceState, error: String?) -> Response {
    let next = Form(query: request)["next"] ?? "/learner"
    return loginPage(next: next, request, state, error: error)
  }

  private func loginPage(
    next: String, _ request: Request, _ state: ServiceState, error: String?
  ) -> Response {
    var context: [String: Any] = ["next": next]
    if let error { context["error"] = error }
    var loginFrame = frame("Sign in", request, state, section: nil)
    loginFrame.csrf = nil
    return Page.html(
      views.page("login", context, frame: loginFrame), status: error == nil ? .ok : .unauthorized)
  }

  /// The login form posted: a key the ring admits becomes the cookie.
  func signIn(_ request: Request, _ state: ServiceState) async -> Response {
    guard let form = await Form.read(request) else {
      return loginPage(next: "/learner", request, state, error: "the form is too large")
    }
    let next = Self.localPath(form["next"])
    guard let key = form["key"] else {
      return loginPage(next: next, request, state, error: "type your API key")
    }
    guard PageSession.admits(key, keys: state.keys) else {
      return loginPage(
        next: next, request, state,
        error:
          "this key is not accepted: check it, or ask the service's administrator for a key "
          + "with the decide scope")
    }
    let secure = request.headers[.xForwardedProto]?.lowercased() == "https"
    return Page.redirect(
      to: next, headers: [.setCookie: PageSession.cookie(key, secure: secure)])
  }

  func signOut(_ request: Request) async -> Response {
    // Signing out needs the form's token, so that another site cannot sign a user out.
    guard let form = await Form.read(request), session.acceptsForm(form, from: request) else {
      return Page.redirect(to: "/learner")
    }
    return Page.redirect(to: "/login", headers: [.setCookie: PageSession.expiredCookie])
  }

  /// `next` when it is a path of this site, else the learner page: the login page never
  /// sends a browser elsewhere.
  static func localPath(_ next: String?) -> String {
    guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\") else {
      return "/learner"
    }
    return next
  }
}
