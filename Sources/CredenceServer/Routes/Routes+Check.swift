import Credence
import Hummingbird

extension Routes {
  /// Files one check may hold (200): the example library has a few dozen.
  static let maximumFilesChecked = 200

  /// `POST /v1/check` (scope `check`): policy text in, diagnostics out, as
  /// `credence check --error-format json` prints them. Nothing is stored or put in force.
  static func addCheck(to group: RouterGroup<ServerContext>, _ state: ServiceState) {
    group.post("/check") { request, context in
      let body = try await RequestBody.decode(CheckRequest.self, from: request)
      guard !body.files.isEmpty else {
        throw APIError.badRequest("`files` needs at least one policy file")
      }
      guard body.files.count <= maximumFilesChecked else {
        throw APIError.badRequest("`files` has more than \(maximumFilesChecked) files")
      }
      var sources = SourceSet()
      for (index, file) in body.files.enumerated() {
        guard !file.name.isEmpty else {
          throw APIError.badRequest("`files[\(index)].name` is empty")
        }
        sources.add(path: file.name, text: file.text)
      }
      let result = FrontEnd.check(sources)
      let renderer = DiagnosticRenderer(format: .json, colour: false)
      return Reply.json(
        renderer.render(
          result.diagnostics, sources: result.sources, omittedErrors: result.omittedErrors))
    }
  }
}
