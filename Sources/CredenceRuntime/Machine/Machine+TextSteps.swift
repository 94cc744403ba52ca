import CredenceSyntax

extension Machine {
  /// Counts the steps reading `bytes` of text costs (``EvaluationLimits/textBytesPerStep``
  /// each): nothing for the short texts of real records, and in proportion for long ones, so
  /// the step limit bounds time and Ctrl-C is looked at as often as the work goes on.
  @inline(__always)
  func stepForText(bytes: Int, at span: Span?) throws(EvaluationFailure) {
    let steps = bytes / EvaluationLimits.textBytesPerStep
    if steps > 0 { try step(steps, at: span) }
  }
}
