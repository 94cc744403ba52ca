import Credence
import CredenceServer
import Hummingbird

extension WebPages {
  /// `GET /reference`: the reference of the policies in force.
  func reference(_ request: Request, _ state: ServiceState) -> Response {
    let set = state.policies.current
    let markdown = PolicyReference(set.policies).markdown()
    // The Markdown's own `# Policy reference` line: the page has its heading already.
    let body = markdown.split(separator: "\n", maxSplits: 1).dropFirst().joined()
    return Page.html(
      views.page(
        "reference", ["reference": ReferenceMarkdown.html(body)],
        frame: frame("Policy reference", request, state, section: .reference)))
  }
}
