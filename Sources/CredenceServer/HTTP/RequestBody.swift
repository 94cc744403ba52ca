import Foundation
import Hummingbird

/// Request bodies: collected up to ``ServerLimits/maximumRequestBytes`` and decoded from
/// JSON, every failure a 400 or 413 that names the field at fault (never its value).
enum RequestBody {
  static func decode<T: Decodable>(
    _ type: T.Type, from request: Request, limit: Int = ServerLimits.maximumRequestBytes
  ) async throws -> T {
    var request = request
    let buffer: ByteBuffer
    do {
      buffer = try await request.collectBody(upTo: limit)
    } catch let error as HTTPError where error.status == .contentTooLarge {
      throw APIError.tooLarge(limit: limit)
    }
    guard buffer.readableBytes > 0 else {
      throw APIError.badRequest("the request needs a JSON body")
    }
    do {
      return try JSONDecoder().decode(T.self, from: Data(buffer: buffer))
    } catch let error as DecodingError {
      throw APIError.badRequest(describe(error))
    } catch let error as APIError {
      throw error
    }
  }

  /// What is wrong with the body, by field path (`with_awards[0].code`).
  static func describe(_ error: DecodingError) -> String {
    switch error {
    case .keyNotFound(let key, let context):
      return "`\(path(context.codingPath + [key]))` is missing"
    case .typeMismatch(let type, let context):
      return context.codingPath.isEmpty
        ? "the body must be a JSON object"
        : "`\(path(context.codingPath))` must be \(describe(type))"
    case .valueNotFound(let type, let context):
      return "`\(path(context.codingPath))` must be \(describe(type)), not null"
    case .dataCorrupted(let context):
      if context.codingPath.isEmpty { return "the body is not valid JSON" }
      // Thrown by our own decoders with a message meant for the caller.
      return "`\(path(context.codingPath))`: \(context.debugDescription)"
    @unknown default:
      return "the body does not match the request's schema"
    }
  }

  private static func path(_ keys: [any CodingKey]) -> String {
    var text = ""
    for key in keys {
      if let index = key.intValue {
        text += "[\(index)]"
      } else {
        text += (text.isEmpty ? "" : ".") + key.stringValue
      }
    }
    return text
  }

  private static func describe(_ type: Any.Type) -> String {
    switch type {
    case is String.Type: "a string"
    case is Bool.Type: "true or false"
    case is Int.Type, is Double.Type: "a number"
    case is [Any].Type: "an array"
    default:
      String(describing: type).hasPrefix("Array") ? "an array" : "an object"
    }
  }
}
