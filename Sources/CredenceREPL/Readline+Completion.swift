import CReadline
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What readline's completion callbacks read. C calls them with no context pointer, so the
/// state is a global; it holds only values (a `CompletionContext` snapshot and the matches
/// being handed out) behind a mutex, so no session object is shared with C.
struct ReadlineCompletionState: Sendable {
  var context = CompletionContext()
  var matches: [String] = []
  var next = 0
}

let readlineCompletion = Mutex(ReadlineCompletionState())

/// Readline's word breaks, kept for the life of the process (readline keeps the pointer).
nonisolated(unsafe) private let wordBreakCharacters = strdup(Completion.wordBreaks)

extension ReadlineReader {
  /// Points readline's completion at ``Completion/complete(_:in:)``.
  static func installCompletion() {
    credence_rl_install_completion(attemptCompletion, wordBreakCharacters)
  }

  public func prepareCompletion(_ context: CompletionContext) {
    readlineCompletion.withLock { $0.context = context }
  }
}

/// `rl_attempted_completion_function`: the matches for the word readline found (the text
/// between the last word break and the cursor).
private func attemptCompletion(
  _ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32
) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
  credence_rl_set_completion_over(1)
  guard let text, let buffer = credence_rl_line_buffer() else { return nil }
  let point = max(0, Int(credence_rl_point()))
  let bytes = UnsafeRawBufferPointer(start: buffer, count: strlen(buffer))
  let beforeCursor = String(decoding: bytes.prefix(point), as: UTF8.self)
  let context = readlineCompletion.withLock { $0.context }
  switch Completion.complete(beforeCursor, in: context) {
  case .files:
    credence_rl_set_completion_over(0)
    return nil
  case .words(let words):
    readlineCompletion.withLock {
      $0.matches = words
      $0.next = 0
    }
    return rl_completion_matches(text, nextMatch)
  }
}

/// `rl_compentry_func_t`: the matches one by one (readline frees them).
private func nextMatch(_ text: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<
  CChar
>? {
  let word = readlineCompletion.withLock { completion -> String? in
    if state == 0 { completion.next = 0 }
    guard completion.next < completion.matches.count else { return nil }
    defer { completion.next += 1 }
    return completion.matches[completion.next]
  }
  return word.flatMap { strdup($0) }
}
