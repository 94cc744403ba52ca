extension Lexer {
  // MARK: Numbers, percentages, money, durations, dates

  /// NUMBER, PERCENT, MONEY, DURATION or DATE, whichever the text at `offset` is.
  mutating func lexNumeric() {
    let start = offset
    if lexDate() { return }
    let number = scanNumber()
    if byte(at: offset) == UInt8(ascii: "%") {
      offset += 1
      emit(number.map { .literal(.percent($0)) } ?? .invalid, from: start)
      return
    }
    // A unit may follow after spaces: `500 SGD`, `5 years`.
    var look = offset
    while byte(at: look) == UInt8(ascii: " ") { look += 1 }
    var wordEnd = look
    while let b = byte(at: wordEnd), Lexer.isIdentifierPart(b) { wordEnd += 1 }
    let word = bytes[look..<wordEnd]
    if word.count == 3, word.allSatisfy(Lexer.isUpper) {
      offset = wordEnd
      let currency = String(decoding: word, as: UTF8.self)
      emit(number.map { .literal(.money($0, currency: currency)) } ?? .invalid, from: start)
      return
    }
    if !word.isEmpty, let unit = DurationUnit(spelling: String(decoding: word, as: UTF8.self)) {
      offset = wordEnd
      guard let number else {
        emit(.invalid, from: start)
        return
      }
      guard number.isWhole else {
        report(
          .invalidDuration, "a duration must be a whole number of \(unit.rawValue)s", start,
          offset, help: "use a smaller unit: `18 months` instead of `1.5 years`")
        emit(.invalid, from: start)
        return
      }
      guard let count = Int(number.integerDigits), count <= Lexer.maximumDurationCount else {
        report(
          .invalidDuration,
          "a duration of more than \(Lexer.maximumDurationCount) \(unit.rawValue)s is not supported",
          start, offset)
        emit(.invalid, from: start)
        return
      }
      emit(.literal(.duration(count, unit)), from: start)
      return
    }
    emit(number.map { .literal(.number($0)) } ?? .invalid, from: start)
  }

  /// The largest count a duration literal may have: far beyond any policy period, small
  /// enough that date arithmetic on it cannot overflow.
  static let maximumDurationCount = 100_000

  /// Scans `digits [. digits]` with `_` separators; nil (after reporting) if malformed.
  mutating func scanNumber() -> DecimalText? {
    let start = offset
    var valid = true
    func scanDigits(_ lexer: inout Lexer) -> String {
      var digits = ""
      var previousWasDigit = false
      while let b = lexer.byte(at: lexer.offset) {
        if Lexer.isDigit(b) {
          digits.append(Character(UnicodeScalar(b)))
          previousWasDigit = true
        } else if b == UInt8(ascii: "_") {
          let nextIsDigit = lexer.byte(at: lexer.offset + 1).map(Lexer.isDigit) ?? false
          if !previousWasDigit || !nextIsDigit { valid = false }
          previousWasDigit = false
        } else {
          break
        }
        lexer.offset += 1
      }
      return digits
    }
    let integer = scanDigits(&self)
    var fraction = ""
    if byte(at: offset) == UInt8(ascii: "."), let next = byte(at: offset + 1), Lexer.isDigit(next) {
      offset += 1
      fraction = scanDigits(&self)
    }
    guard valid else {
      report(
        .malformedNumber,
        "`_` in a number must stand between two digits",
        start, offset, help: "group digits like this: `100_000`")
      return nil
    }
    return DecimalText(integerDigits: integer, fractionDigits: fraction)
  }

  /// DATE = digit{4} "-" digit{2} "-" digit{2}, checked against the calendar.
  mutating func lexDate() -> Bool {
    let start = offset
    func digits(_ at: Int, _ count: Int) -> Int? {
      var value = 0
      for index in at..<(at + count) {
        guard let b = byte(at: index), Lexer.isDigit(b) else { return nil }
        value = value * 10 + Int(b - 0x30)
      }
      return value
    }
    guard let year = digits(start, 4), byte(at: start + 4) == UInt8(ascii: "-"),
      let month = digits(start + 5, 2), byte(at: start + 7) == UInt8(ascii: "-"),
      let day = digits(start + 8, 2)
    else { return false }
    if let after = byte(at: start + 10), Lexer.isIdentifierPart(after) { return false }
    offset = start + 10
    let date = CivilDate(year: year, month: month, day: day)
    if date.isValid {
      emit(.literal(.date(date)), from: start)
    } else {
      let text = String(decoding: bytes[start..<offset], as: UTF8.self)
      let help: String =
        if !(1...12).contains(month) {
          "months run from 01 to 12"
        } else {
          "\(Lexer.monthNames[month - 1]) \(year) has \(CivilDate.daysIn(month: month, year: year)) days"
        }
      report(.invalidDate, "`\(text)` is not a calendar date", start, offset, help: help)
      emit(.invalid, from: start)
    }
    return true
  }

  static let monthNames = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
  ]

  // MARK: Strings

  /// STRING = '"' , { string_char | escape } , '"' ; on one line.
  mutating func lexString() {
    let start = offset
    offset += 1
    var value = ""
    var valid = true
    while true {
      // Take a run of plain printable ASCII in one step.
      let runStart = offset
      while let b = byte(at: offset), b >= 0x20, b < 0x7F, b != UInt8(ascii: "\""),
        b != UInt8(ascii: "\\")
      {
        offset += 1
      }
      if offset > runStart { value += String(decoding: bytes[runStart..<offset], as: UTF8.self) }
      guard let b = byte(at: offset), b != UInt8(ascii: "\n"), b != UInt8(ascii: "\r") else {
        report(
          .unterminatedString, "this string has no closing `\"`", start, offset,
          help: "a string ends on the line it starts; add `\"` where it should end")
        emit(.invalid, from: start)
        return
      }
      switch b {
      case UInt8(ascii: "\""):
        offset += 1
        emit(valid ? .literal(.string(value)) : .invalid, from: start)
        return
      case UInt8(ascii: "\\"):
        if let scalar = lexEscape() { value.unicodeScalars.append(scalar) } else { valid = false }
      case 0:
        report(
          .nulByte, "a NUL byte is not allowed in a policy file", offset, offset + 1,
          help: "the file may be binary or saved in UTF-16; policy files are UTF-8 text")
        valid = false
        offset += 1
      case UInt8(ascii: "\t"):
        value.append("\t")
        offset += 1
      case 0x01..<0x20, 0x7F:
        report(
          .controlCharacterInString, "a control character is not allowed in a string", offset,
          offset + 1, help: "write `\\n` for a new line or `\\t` for a tab")
        valid = false
        offset += 1
      default:
        if let (scalar, length) = UTF8Decoding.scalar(bytes, at: offset) {
          value.unicodeScalars.append(scalar)
          offset += length
        } else {
          report(
            .invalidUTF8, "this text is not valid UTF-8", offset, offset + 1,
            help: "policy files must be saved as UTF-8")
          valid = false
          offset += 1
        }
      }
    }
  }

  /// escape = "\" , ( '"' | "\" | "n" | "t" | "u{" , hex , { hex } , "}" ) ;
  mutating func lexEscape() -> Unicode.Scalar? {
    let start = offset
    offset += 1
    guard let b = byte(at: offset), b != UInt8(ascii: "\n"), b != UInt8(ascii: "\r") else {
      report(
        .invalidEscape, "a `\\` must be followed by an escape", start, offset,
        help: "the escapes are `\\\"`, `\\\\`, `\\n`, `\\t` and `\\u{…}`")
      return nil
    }
    offset += 1
    switch b {
    case UInt8(ascii: "\""): return "\""
    case UInt8(ascii: "\\"): return "\\"
    case UInt8(ascii: "n"): return "\n"
    case UInt8(ascii: "t"): return "\t"
    case UInt8(ascii: "u"):
      guard byte(at: offset) == UInt8(ascii: "{") else { break }
      offset += 1
      var value: UInt32 = 0
      var count = 0
      while let h = byte(at: offset), let digit = Lexer.hexValue(h) {
        if count < 8 { value = value * 16 + digit }
        count += 1
        offset += 1
      }
      guard byte(at: offset) == UInt8(ascii: "}"), count > 0 else { break }
      offset += 1
      guard count <= 6, let scalar = Unicode.Scalar(value) else {
        report(
          .invalidEscape,
          "`\(String(decoding: bytes[start..<offset], as: UTF8.self))` is not a Unicode character",
          start, offset, help: "a `\\u{…}` escape names a code point up to 10FFFF, not a surrogate")
        return nil
      }
      return scalar
    default:
      // Step over a whole multi-byte character so the message shows it intact.
      if b >= 0x80 {
        offset = start + 1 + max(1, UTF8Decoding.sequenceLength(bytes, at: start + 1))
      }
    }
    let text = String(decoding: bytes[start..<offset], as: UTF8.self)
    report(
      .invalidEscape, "`\(text)` is not an escape", start, offset,
      help: "the escapes are `\\\"`, `\\\\`, `\\n`, `\\t` and `\\u{…}`")
    return nil
  }

  static func hexValue(_ b: UInt8) -> UInt32? {
    switch b {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(b - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(b - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(b - UInt8(ascii: "A") + 10)
    default: nil
    }
  }
}
