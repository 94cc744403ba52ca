import Mustache

/// The templates, parsed once, and the frame every page is drawn in.
struct Views: Sendable {
  private let library: MustacheLibrary

  init() {
    var library = MustacheLibrary()
    let templates: [(String, String)] = [
      ("layout", LayoutTemplates.layout), ("login", LayoutTemplates.login),
      ("problem", LayoutTemplates.problem), ("search", LearnerTemplates.search),
      ("searchPage", LearnerTemplates.searchPage), ("learner", LearnerTemplates.page),
      ("node", LearnerTemplates.node), ("plan", LearnerTemplates.plan),
      ("whatIfForm", LearnerTemplates.whatIfForm), ("whatIfRow", LearnerTemplates.whatIfRow),
      ("whatIfResult", LearnerTemplates.whatIfResult),
      ("cohortForm", CohortTemplates.form), ("cohortChoose", CohortTemplates.choose),
      ("cohort", CohortTemplates.page),
      ("cohortProgress", CohortTemplates.progress), ("reference", ReferenceTemplates.page),
    ]
    for (name, text) in templates {
      do {
        try library.register(text, named: name)
      } catch {
        // The templates are constants of this module: every one is rendered by the tests.
        preconditionFailure("the template `\(name)` does not parse: \(error)")
      }
    }
    self.library = library
  }

  /// What surrounds every page: the policy version, the date decided on, the navigation.
  struct Frame {
    var title: String
    var policyVersion: String
    var asOf: String?
    var section: Section?
    var csrf: String?
    var refreshSeconds: Int?

    enum Section { case learner, cohort, reference }
  }

  /// The body template `name` rendered with `context`, inside the frame.
  func page(_ name: String, _ context: [String: Any], frame: Frame) -> String {
    let body = render(name, context)
    var outer: [String: Any] = [
      "title": frame.title, "body": body, "policyVersion": frame.policyVersion,
      "navLearner": frame.section == .learner, "navCohort": frame.section == .cohort,
      "navReference": frame.section == .reference,
    ]
    if let asOf = frame.asOf { outer["asOf"] = asOf }
    if let csrf = frame.csrf {
      outer["signedIn"] = true
      outer["csrf"] = csrf
    }
    if let seconds = frame.refreshSeconds { outer["refreshSeconds"] = seconds }
    return render("layout", outer)
  }

  func render(_ name: String, _ context: [String: Any]) -> String {
    library.render(context, withTemplate: name) ?? ""
  }
}
