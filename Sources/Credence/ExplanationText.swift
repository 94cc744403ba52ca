import CredenceRuntime

/// A decision's explanation as people read it, the one renderer of `eval --explain` (table
/// and CSV) and the REPL's `:why`: the explanation's tree, then, for a *not achieved* stack
/// planned over a catalogue, its cheapest completion (``CompletionReport``) as a section
/// indented under it. A result without an explanation reads as its summary line.
public enum ExplanationText {
  /// The lines of `result`, the tree indented by `indent` spaces.
  public static func lines(_ result: DecisionResult, indent: Int = 0) -> [String] {
    var lines =
      result.explanation?.lines(indent: indent)
      ?? [String(repeating: " ", count: indent) + ResultWriter.summaryLine(result)]
    if let completion = result.completion {
      lines += CompletionReport.lines(completion, indent: indent + 2)
    }
    return lines
  }
}
