import Hummingbird

/// JSON replies.
enum Reply {
  static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
    Response(
      status: status, headers: [.contentType: "application/json"],
      body: .init(byteBuffer: ByteBuffer(string: text)))
  }
}

extension Reply {
  /// A reply carrying decisions: 200, or 422 with `error` `evaluation_step_limit` beside
  /// the same members when a learner's evaluation ran out of steps. The decisions stay
  /// exactly as `credence eval` gives them (the unfinished ones `error`s with the reason);
  /// the status says a limit ended them, so a client need not read every result to know.
  static func decisions(_ members: [(String, String)], reachedStepLimit: Bool) -> Response {
    guard reachedStepLimit else { return json(JSONText.object(members) + "\n") }
    let error = APIError.stepLimit
    return json(
      JSONText.object(members + [("error", error.object)]) + "\n", status: error.status)
  }
}
