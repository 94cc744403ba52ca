import Credence
import CredenceServer
import Hummingbird

/// The advisor's pages and the programme office's dashboard, mounted on the decision
/// service's router (`DecisionService(mounts: [WebPages().mount])`): the same process, the
/// same keys, the same policies in force. Every decision is made through the `Credence`
/// facade; nothing here decides anything.
public struct WebPages: Sendable {
  let views = Views()
  let session = PageSession()
  let cohorts: CohortCache
  /// The date a page without `as_of` is decided on.
  let today: @Sendable () -> CivilDate

  public init(today: @escaping @Sendable () -> CivilDate = LocalDate.today) {
    self.today = today
    cohorts = CohortCache()
  }

  /// Adds the pages to `router`: the login page and the assets open, every other page
  /// behind a key with the `decide` scope, presented in the login cookie.
  public func mount(_ router: Router<ServerContext>, _ state: ServiceState) {
    router.get("/assets/credence.css") { _, _ in Page.asset(Assets.css, type: "text/css") }
    router.get("/assets/credence.js") { _, _ in
      Page.asset(Assets.script, type: "text/javascript")
    }
    router.get("/login") { request, _ in login(request, state, error: nil) }
    router.post("/login") { request, _ in await signIn(request, state) }
    router.post("/logout") { request, _ in await signOut(request) }
    let pages = router.group().add(middleware: PageGate(keys: state.keys))
    pages.get("/") { _, _ in Page.redirect(to: "/learner") }
    pages.get("/learner") { request, _ in learner(request, state) }
    pages.get("/learner/suggest") { request, _ in suggest(request, state) }
    pages.post("/learner/what-if") { request, _ in await whatIf(request, state) }
    pages.get("/cohort") { request, _ in cohort(request, state) }
    pages.get("/reference") { request, _ in reference(request, state) }
  }

  /// The frame of a page for the signed-in request.
  func frame(
    _ title: String, _ request: Request, _ state: ServiceState, asOf: CivilDate? = nil,
    section: Views.Frame.Section?
  ) -> Views.Frame {
    let token = PageSession.token(in: request)
    return Views.Frame(
      title: title, policyVersion: state.policies.current.version.description,
      asOf: asOf?.description, section: section,
      csrf: state.keys.ring == nil && token == nil ? nil : session.csrfToken(for: token))
  }

  /// A page that says what went wrong and where to go next.
  func problem(
    _ heading: String, _ message: String, status: HTTPResponse.Status, _ request: Request,
    _ state: ServiceState, section: Views.Frame.Section?, back: (link: String, text: String),
    suggestions: [[String: Any]] = []
  ) -> Response {
    let context: [String: Any] = [
      "heading": heading, "message": message, "backLink": back.link, "backText": back.text,
      "suggestions": suggestions, "hasSuggestions": !suggestions.isEmpty,
    ]
    return Page.html(
      views.page("problem", context, frame: frame(heading, request, state, section: section)),
      status: status)
  }

  /// The date asked for (`as_of`), today when none is given; nil when it is not a date.
  func date(_ text: String?) -> CivilDate? {
    guard let text else { return today() }
    return CivilDate(parsing: text)
  }
}
