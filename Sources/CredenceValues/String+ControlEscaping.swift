extension String {
  /// The text with control characters written as escapes (`L1\u{1B}[2J` for an ESC), for
  /// showing ids and codes to people: a raw escape or bell would act on the terminal, and a
  /// raw NUL or line break would make one id look like another. Other text is unchanged;
  /// the escapes are the language's own string escapes.
  public var escapingControlCharacters: String { escapingControls(keepingLineBreaks: false) }

  /// The text with control characters escaped as ``escapingControlCharacters`` does, but
  /// line feeds and carriage returns kept: for a format that carries line breaks itself
  /// (a quoted CSV field, RFC 4180).
  public var escapingControlCharactersButLineBreaks: String {
    escapingControls(keepingLineBreaks: true)
  }

  private func escapingControls(keepingLineBreaks: Bool) -> String {
    // Most ids are plain: a byte scan finds no control (C1 controls start with 0xC2).
    guard utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }) else { return self }
    var escaped = ""
    for scalar in unicodeScalars {
      if keepingLineBreaks, scalar == "\n" || scalar == "\r" {
        escaped.unicodeScalars.append(scalar)
      } else if scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0) {
        escaped += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      } else {
        escaped.unicodeScalars.append(scalar)
      }
    }
    return escaped
  }
}
