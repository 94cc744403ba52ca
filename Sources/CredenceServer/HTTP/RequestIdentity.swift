import HTTPTypes
import Hummingbird

/// The id of a request, as a caller or a proxy in front names it (`X-Request-Id`) or, when
/// it names none, the server's own: echoed in the reply's `X-Request-Id` and written as
/// `request_id` in every log line of the request, so a caller's report and the server's
/// logs meet.
enum RequestIdentity {
  /// The longest id taken from a caller (128 bytes); a longer one is replaced.
  static let maximumLength = 128

  /// The caller's id when it is one short token of letters, digits and `-._:`, else
  /// `generated`. The id goes into logs and headers: anything else could forge a log line.
  static func of(_ request: Request, generated: String) -> String {
    guard let given = request.headers[.requestID], !given.isEmpty,
      given.utf8.count <= maximumLength,
      given.utf8.allSatisfy({ byte in
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
          UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
          UInt8(ascii: "_"), UInt8(ascii: ":"):
          true
        default: false
        }
      })
    else { return generated }
    return given
  }
}

extension HTTPField.Name {
  static let requestID = Self("X-Request-Id")!
}
