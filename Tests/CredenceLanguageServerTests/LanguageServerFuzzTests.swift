import CredenceTestSupport
import Foundation
import Testing

@testable import CredenceLanguageServer

/// Half-typed files through the language server's path: every file of the front end's corpus
/// (the spec files and the policy library), cut short and mutated, sent as `didChange` and
/// checked. A crash ends the test process; a hang times the suite out.
@Suite struct LanguageServerFuzzTests {
  /// Edits per corpus file: bounded so the suite stays quick; `CREDENCE_LSP_FUZZ_EDITS`
  /// raises it for a longer run (Sources/CredenceLanguageServer/README.md).
  static let editsPerFile =
    ProcessInfo.processInfo.environment["CREDENCE_LSP_FUZZ_EDITS"].flatMap(Int.init) ?? 3

  @Test func truncatedAndMutatedCorpusNeverCrashesTheServer() throws {
    let corpus = Self.corpus()
    #expect(corpus.count > 40)
    let output = open("/dev/null", O_WRONLY)
    defer { close(output) }
    let server = LanguageServer(output: output)
    var generator = SplitMix64(seed: 20)
    server.queue.sync {
      _ = server.receive(Self.message(1, "initialize", #"{"capabilities":{}}"#))
      _ = server.receive(Self.message(nil, "initialized", "{}"))
    }
    let uri = "file:///fuzz/edited.credence"
    var checks = 0
    for text in corpus {
      server.queue.sync {
        _ = server.receive(Self.message(nil, "textDocument/didOpen", Self.openParams(uri, text)))
      }
      for _ in 0..<Self.editsPerFile {
        let edited = Self.mutate(Array(text.utf8), using: &generator)
        server.queue.sync {
          _ = server.receive(
            Self.message(nil, "textDocument/didChange", Self.changeParams(uri, edited)))
          server.publishDiagnostics()
        }
        checks += 1
      }
    }
    #expect(checks == corpus.count * Self.editsPerFile)
  }

  /// A cut at a random byte, then a few random byte edits (deletions, duplications, bytes
  /// from elsewhere in the file), which leave UTF-8 broken as often as not.
  static func mutate(_ bytes: [UInt8], using generator: inout SplitMix64) -> [UInt8] {
    guard !bytes.isEmpty else { return bytes }
    var edited = Array(bytes[..<Int(generator.next() % UInt64(bytes.count + 1))])
    for _ in 0..<Int(generator.next() % 4) where !edited.isEmpty {
      let at = Int(generator.next() % UInt64(edited.count))
      switch generator.next() % 3 {
      case 0: edited.remove(at: at)
      case 1: edited.insert(edited[at], at: at)
      default: edited[at] = bytes[Int(generator.next() % UInt64(bytes.count))]
      }
    }
    return edited
  }

  static func corpus() -> [String] {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    var texts: [String] = []
    for folder in ["Tests/CredenceSyntaxTests/spec", "policies"] {
      let base = root.appendingPathComponent(folder)
      guard let walker = FileManager.default.enumerator(atPath: base.path) else { continue }
      for case let relative as String in walker where relative.hasSuffix(".credence") {
        if let data = FileManager.default.contents(
          atPath: base.appendingPathComponent(relative).path)
        {
          texts.append(String(decoding: data, as: UTF8.self))
        }
      }
    }
    return texts.sorted()
  }

  static func message(_ id: Int?, _ method: String, _ params: String) -> [UInt8] {
    let idField = id.map { #""id":\#($0),"# } ?? ""
    return Array(#"{"jsonrpc":"2.0",\#(idField)"method":"\#(method)","params":\#(params)}"#.utf8)
  }

  static func openParams(_ uri: String, _ text: String) -> String {
    #"{"textDocument":{"uri":"\#(uri)","languageId":"credence","version":1,"text":\#(jsonString(text))}}"#
  }

  static func changeParams(_ uri: String, _ bytes: [UInt8]) -> String {
    let text = String(decoding: bytes, as: UTF8.self)
    return
      #"{"textDocument":{"uri":"\#(uri)","version":2},"contentChanges":[{"text":\#(jsonString(text))}]}"#
  }

  static func jsonString(_ text: String) -> String {
    let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
    return String(decoding: data, as: UTF8.self)
  }
}
