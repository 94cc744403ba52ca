import Foundation

/// The base protocol's framing: a `Content-Length` header, a blank line, then that many
/// bytes of JSON. Other headers (`Content-Type`) are read and ignored.
struct MessageReader {
  /// The largest message accepted (a whole policy file fits many times over); a larger
  /// header is taken as a broken stream rather than an allocation to attempt.
  static let maximumMessageBytes = 64 * 1024 * 1024

  private let fileDescriptor: Int32
  private var buffer: [UInt8] = []

  init(fileDescriptor: Int32) { self.fileDescriptor = fileDescriptor }

  /// The next message's body, or nil at the end of input (or on a broken stream).
  mutating func next() -> [UInt8]? {
    guard let headerEnd = readUntilHeaderEnd() else { return nil }
    let header = String(decoding: buffer[..<headerEnd], as: UTF8.self)
    buffer.removeFirst(headerEnd + 4)
    var length: Int?
    for line in header.split(separator: "\r\n") {
      let parts = line.split(separator: ":", maxSplits: 1)
      if parts.count == 2, parts[0].lowercased() == "content-length" {
        length = Int(parts[1].trimmingCharacters(in: .whitespaces))
      }
    }
    guard let length, length >= 0, length <= Self.maximumMessageBytes else { return nil }
    while buffer.count < length {
      guard fill() else { return nil }
    }
    let body = Array(buffer[..<length])
    buffer.removeFirst(length)
    return body
  }

  /// The index of the `\r\n\r\n` ending the header, reading more input as needed.
  private mutating func readUntilHeaderEnd() -> Int? {
    var searchFrom = 0
    while true {
      if buffer.count >= 4 {
        for index in searchFrom...(buffer.count - 4)
        where buffer[index] == 13 && buffer[index + 1] == 10 && buffer[index + 2] == 13
          && buffer[index + 3] == 10
        {
          return index
        }
        searchFrom = buffer.count - 3
      }
      if buffer.count > 64 * 1024 { return nil }  // no header is this long
      guard fill() else { return nil }
    }
  }

  /// Reads what input is available; false at the end of input.
  private mutating func fill() -> Bool {
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(fileDescriptor, $0.baseAddress, $0.count) }
      if count > 0 {
        buffer.append(contentsOf: chunk[..<count])
        return true
      }
      if count < 0, errno == EINTR { continue }
      return false
    }
  }
}

/// Writes framed messages; one writer per output, called from one queue at a time.
struct MessageWriter {
  /// Where the bytes go: `credence lsp` passes the executable's output sink, which ends the
  /// process with status 74 when standard output cannot be written (an editor that closed
  /// its end, a full disk) instead of the server answering into the void.
  let output: @Sendable ([UInt8]) -> Void

  func write(_ body: Data) {
    var bytes = Array("Content-Length: \(body.count)\r\n\r\n".utf8)
    bytes.append(contentsOf: body)
    output(bytes)
  }

  /// A writer straight to a file descriptor, for tests (a failed write is dropped).
  static func writing(to fileDescriptor: Int32) -> MessageWriter {
    MessageWriter { bytes in
      var written = 0
      while written < bytes.count {
        let count = bytes[written...].withUnsafeBytes {
          Foundation.write(fileDescriptor, $0.baseAddress, $0.count)
        }
        if count < 0, errno == EINTR { continue }
        guard count > 0 else { return }
        written += count
      }
    }
  }
}
