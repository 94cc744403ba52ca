import CredenceRuntime
import CredenceSyntax
import CredenceValues

/// How `credence eval` prints results.
public enum ResultFormat: String, Sendable, CaseIterable {
  /// Aligned columns for people; with explanations, one block per learner.
  case table
  /// One JSON array of result objects.
  case json
  /// One JSON object per line, per result.
  case ndjson
  /// RFC 4180 CSV with a header row.
  case csv
}

/// Renders results in a format, a learner at a time, so output streams however many learners
/// there are. Every format carries the same facts; explanations appear only when asked for.
///
/// A writer is a value without state: several threads can render chunks of learners at once,
/// and a ``ResultStream`` puts the chunks together in order.
public struct ResultWriter: Sendable {
  public let format: ResultFormat
  public let explain: Bool
  /// Width of the decision column of the table (the longest decision name reported).
  let decisionWidth: Int

  /// A writer for results of `decisions` (names).
  public init(format: ResultFormat, explain: Bool, decisions: [String]) {
    self.format = format
    self.explain = explain
    self.decisionWidth = max(8, decisions.map(\.count).max() ?? 8)
  }

  /// What comes before the first learner (CSV columns, `[`, the table's column names).
  public var header: String {
    switch format {
    case .csv: Self.csvColumns.joined(separator: ",") + (explain ? ",explanation" : "") + "\n"
    case .json: "["
    case .table where !explain:
      tableRow(["learner", "decision", "enrolment", "status", "result"]) + "\n"
    case .table, .ndjson: ""
    }
  }

  /// What separates two non-empty chunks (JSON array elements), and what precedes the first.
  func separator(first: Bool) -> String {
    format == .json ? (first ? "\n" : ",\n") : ""
  }

  /// What comes after the last learner.
  func footer(wroteAny: Bool) -> String {
    format == .json ? (wroteAny ? "\n]\n" : "]\n") : ""
  }

  /// One learner's results, appended to `buffer`. For JSON the objects are separated by
  /// `,\n`, with nothing before the first or after the last.
  public func render(_ learner: LearnerResults, into buffer: inout [UInt8]) {
    switch format {
    case .table where explain:
      buffer.append(contentsOf: "learner \(learner.learner.escapingControlCharacters)\n".utf8)
      for result in learner.results {
        for line in ExplanationText.lines(result, indent: 2) {
          buffer.append(contentsOf: line.utf8)
          buffer.append(10)
        }
      }
      buffer.append(10)
    case .table:
      for result in learner.results {
        let row = tableRow([
          result.learner.escapingControlCharacters, result.decision,
          result.enrolment?.escapingControlCharacters ?? "-", result.status.rawValue,
          Self.summary(result),
        ])
        buffer.append(contentsOf: row.utf8)
        buffer.append(10)
      }
    // Through the array's storage: a result read in place is not copied (a copy is a dozen
    // retains and releases per result, and both `for … in` and the array's subscript made one).
    case .csv:
      learner.results.withUnsafeBufferPointer { results in
        for index in results.indices {
          csvRow(results[index], into: &buffer)
          buffer.append(10)
        }
      }
    case .ndjson:
      learner.results.withUnsafeBufferPointer { results in
        for index in results.indices {
          jsonObject(results[index], into: &buffer)
          buffer.append(10)
        }
      }
    case .json:
      for (index, result) in learner.results.enumerated() {
        if index > 0 { buffer.append(contentsOf: ",\n".utf8) }
        jsonObject(result, into: &buffer)
      }
    }
  }

  // MARK: Table

  private func tableRow(_ cells: [String]) -> String {
    let widths = [10, decisionWidth, 10, 13]
    var line = ""
    for (index, cell) in cells.enumerated() {
      if index < widths.count {
        line += cell + String(repeating: " ", count: max(1, widths[index] - cell.count + 2))
      } else {
        line += cell
      }
    }
    return line.trimmingTrailingSpaces()
  }

  static func summaryLine(_ result: DecisionResult) -> String {
    let summary = Self.summary(result)
    return "\(result.title): \(result.status.rawValue)" + (summary.isEmpty ? "" : ", \(summary)")
  }

  /// What a result amounts to, in a few words: `500 SGD`, `17100.00 SGD at 90%`,
  /// `12 credits`, `needs 4 more credits`, `unknown: …`, the error.
  public static func summary(_ result: DecisionResult) -> String {
    switch result.status {
    case .undetermined:
      return result.reasons.isEmpty ? "" : "unknown: " + result.reasons.joined(separator: "; ")
    case .error:
      return result.reasons.joined(separator: "; ")
    case .notInEffect, .ineligible:
      return ""
    default:
      break
    }
    var parts: [String] = []
    if let amount = result.amount { parts.append(money(amount)) }
    if let rate = result.rate { parts.append((parts.isEmpty ? "" : "at ") + rate.readable) }
    if let credits = result.credits {
      let value = credits.normalized
      parts.append("\(value.readable) credit\(value == .one ? "" : "s")")
    }
    if !result.granted.isEmpty {
      parts.append("(" + result.granted.joined(separator: ", ") + ")")
    }
    var text = parts.joined(separator: " ")
    if !result.missing.isEmpty {
      text += (text.isEmpty ? "" : "; ") + "needs " + result.missing.joined(separator: "; ")
    }
    return text
  }

  /// Money as policies write it; a zero without currency is `0`.
  static func money(_ money: Money) -> String {
    isBareZero(money) ? "0" : money.readable
  }

  // MARK: CSV

  static let csvColumns = [
    "learner", "decision", "enrolment", "status", "amount", "currency", "rate", "credits",
    "granted", "used", "missing", "reasons",
  ]

  private func csvRow(_ result: DecisionResult, into buffer: inout [UInt8]) {
    Self.csvField(result.learner, &buffer)
    buffer.append(44)
    Self.csvField(result.decision, &buffer)
    buffer.append(44)
    Self.csvResultColumns(result.fields(decisionIndex: 0), &buffer)
    if explain {
      buffer.append(44)
      // A result without an explanation (none was built) has an empty field, not its summary.
      let lines = result.explanation == nil ? [] : ExplanationText.lines(result)
      Self.csvField(lines.joined(separator: "\n"), &buffer)
    }
  }

  /// The columns of a CSV row after `learner` and `decision`, from `enrolment` to `reasons`:
  /// the one writer of them for results built (``DecisionResult``) and read in place
  /// (``PlainCSVRows``).
  static func csvResultColumns(_ result: ResultFields, _ buffer: inout [UInt8]) {
    csvField(result.enrolment ?? "", &buffer)
    buffer.append(44)
    appendText(result.status.rawValue, &buffer)
    buffer.append(44)
    if let amount = result.amount { appendDecimal(amount.amount, &buffer) }
    buffer.append(44)
    if let amount = result.amount, !isBareZero(amount) { appendCurrency(amount.currency, &buffer) }
    buffer.append(44)
    if let rate = result.rate { appendDecimal(rate.value, &buffer) }
    buffer.append(44)
    if let credits = result.credits { appendDecimal(credits, &buffer) }
    buffer.append(44)
    csvList(result.granted, &buffer)
    buffer.append(44)
    csvList(result.used, &buffer)
    buffer.append(44)
    csvList(result.missing, &buffer)
    buffer.append(44)
    csvList(result.reasons, &buffer)
  }

  /// A CSV field (RFC 4180): quoted when it holds a comma, quote or line break, its quotes
  /// doubled. Every CSV the executable writes goes through here (results, `path --all`,
  /// `diff`, what-if). Other control characters are written escaped (`\u{1B}`), as ids are
  /// everywhere else: a raw ESC or BEL would act on the terminal the CSV is shown on, and a
  /// NUL cuts the field short in many readers.
  static func csvField(_ text: String) -> String {
    var buffer: [UInt8] = []
    csvField(text, &buffer)
    return String(decoding: buffer, as: UTF8.self)
  }

  static func csvField(_ text: String, _ buffer: inout [UInt8]) {
    var text = text
    let needs = text.withUTF8(csvNeeds)
    if needs == .escapes {
      csvField(text.escapingControlCharactersButLineBreaks, &buffer)
      return
    }
    text.withUTF8 { bytes in
      guard needs == .quotes else {
        buffer.append(contentsOf: bytes)
        return
      }
      buffer.append(34)
      appendQuoted(bytes, &buffer)
      buffer.append(34)
    }
  }

  /// Texts joined by `;` as one CSV field, written without building the joined text.
  static func csvList(_ texts: [String], _ buffer: inout [UInt8]) {
    guard !texts.isEmpty else { return }
    if texts.count == 1 {
      csvField(texts[0], &buffer)
      return
    }
    var quoted = false
    for index in texts.indices {
      var text = texts[index]
      switch text.withUTF8(csvNeeds) {
      case .nothing: continue
      case .quotes: quoted = true
      case .escapes:
        // Rare (a control character in a reason or code): escaped first, then written.
        csvList(texts.map(\.escapingControlCharactersButLineBreaks), &buffer)
        return
      }
    }
    if quoted { buffer.append(34) }
    for index in texts.indices {
      if index > 0 { buffer.append(59) }
      var text = texts[index]
      text.withUTF8 { bytes in
        if quoted { appendQuoted(bytes, &buffer) } else { buffer.append(contentsOf: bytes) }
      }
    }
    if quoted { buffer.append(34) }
  }

  /// ``csvList(_:_:)-([String],_)`` for a list read in place: the same bytes, without an
  /// array of the texts.
  static func csvList(_ texts: ResultTexts, _ buffer: inout [UInt8]) {
    guard !texts.isEmpty else { return }
    var count = 0
    var needs = CSVNeeds.nothing
    texts.forEach { text in
      count += 1
      guard needs != .escapes else { return }
      var text = text
      switch text.withUTF8(csvNeeds) {
      case .nothing: break
      case .quotes: needs = .quotes
      case .escapes: needs = .escapes
      }
    }
    guard count > 0 else { return }
    // Rare (a control character in a reason or code): the array's way.
    if needs == .escapes {
      csvList(texts.array, &buffer)
      return
    }
    let quoted = needs == .quotes
    if quoted { buffer.append(34) }
    var first = true
    texts.forEach { text in
      if !first { buffer.append(59) }
      first = false
      var text = text
      text.withUTF8 { bytes in
        if quoted { appendQuoted(bytes, &buffer) } else { buffer.append(contentsOf: bytes) }
      }
    }
    if quoted { buffer.append(34) }
  }

  /// What a CSV field's text needs before it is written.
  private enum CSVNeeds { case nothing, quotes, escapes }

  /// Whether a field holding `bytes` must be quoted (a comma, quote or line break) or first
  /// have control characters escaped (any other below U+0020, DEL, or C1: `C2 80`–`C2 9F`).
  private static func csvNeeds(_ bytes: UnsafeBufferPointer<UInt8>) -> CSVNeeds {
    var needs = CSVNeeds.nothing
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 10 || byte == 13 || byte == 34 || byte == 44 {
        needs = .quotes
      } else if byte < 0x20 || byte == 0x7F {
        return .escapes
      } else if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] < 0xA0 {
        return .escapes  // U+0080 to U+009F
      }
      index += 1
    }
    return needs
  }

  /// `bytes` with every quote doubled (the surrounding quotes are the caller's).
  private static func appendQuoted(_ bytes: UnsafeBufferPointer<UInt8>, _ buffer: inout [UInt8]) {
    for byte in bytes {
      if byte == 34 { buffer.append(34) }
      buffer.append(byte)
    }
  }

  static func isBareZero(_ money: Money) -> Bool {
    money.currency == LedgerBalance.noCurrency && money.amount.isZero
  }

  /// A text's bytes copied at once (appending a `String`'s `utf8` view goes byte by byte).
  private static func appendText(_ text: String, _ buffer: inout [UInt8]) {
    var text = text
    text.withUTF8 { buffer.append(contentsOf: $0) }
  }

  /// A number's plain decimal notation, without making a `String` of it.
  private static func appendDecimal(_ number: ExactDecimal, _ buffer: inout [UInt8]) {
    number.appendDescription(to: &buffer)
  }

  /// A currency's three letters, without making a `String` of them.
  private static func appendCurrency(_ currency: CurrencyCode, _ buffer: inout [UInt8]) {
    buffer.append(UInt8(truncatingIfNeeded: currency.packed >> 16))
    buffer.append(UInt8(truncatingIfNeeded: currency.packed >> 8))
    buffer.append(UInt8(truncatingIfNeeded: currency.packed))
  }

  // MARK: JSON

  private func jsonObject(_ result: DecisionResult, into buffer: inout [UInt8]) {
    func key(_ name: String, first: Bool = false) {
      if !first { buffer.append(44) }
      buffer.append(34)
      buffer.append(contentsOf: name.utf8)
      buffer.append(contentsOf: "\":".utf8)
    }
    func string(_ text: String?) {
      guard let text else {
        buffer.append(contentsOf: "null".utf8)
        return
      }
      Self.json(text, &buffer)
    }
    func strings(_ texts: [String]) {
      buffer.append(91)
      for (index, text) in texts.enumerated() {
        if index > 0 { buffer.append(44) }
        Self.json(text, &buffer)
      }
      buffer.append(93)
    }
    buffer.append(123)
    key("learner", first: true)
    string(result.learner)
    key("decision")
    string(result.decision)
    key("title")
    string(result.title)
    key("kind")
    string(result.kind.rawValue)
    key("enrolment")
    string(result.enrolment)
    key("status")
    string(result.status.rawValue)
    key("amount")
    string(result.amount?.amount.description)
    key("currency")
    string(result.amount.flatMap { Self.isBareZero($0) ? nil : $0.currency.description })
    key("rate")
    // The percentage as a plain decimal ("90" for 90%), as in CSV: the unit is the key's.
    string(result.rate?.value.description)
    key("credits")
    string(result.credits?.description)
    key("granted")
    strings(result.granted)
    key("used")
    strings(result.used)
    key("missing")
    strings(result.missing)
    key("reasons")
    strings(result.reasons)
    if explain, let explanation = result.explanation {
      key("explanation")
      buffer.append(contentsOf: Self.json(explanation).utf8)
    }
    if explain, let completion = result.completion {
      key("completion")
      buffer.append(contentsOf: CompletionReport.json(completion).utf8)
    }
    buffer.append(125)
  }

  static func json(_ explanation: Explanation) -> String {
    var text = "{\"outcome\":\(json(explanation.mark.rawValue)),\"text\":\(json(explanation.text))"
    if !explanation.children.isEmpty {
      text += ",\"children\":[" + explanation.children.map(json).joined(separator: ",") + "]"
    }
    return text + "}"
  }

  static func json(_ texts: [String]) -> String {
    "[" + texts.map(json).joined(separator: ",") + "]"
  }

  /// A JSON string literal.
  static func json(_ text: String) -> String { JSONString.literal(text) }

  static func json(_ text: String, _ buffer: inout [UInt8]) {
    JSONString.append(text, to: &buffer)
  }
}

/// Puts rendered chunks of learners together: the header, separators between chunks, the
/// footer, and the output in blocks.
/// Not thread-safe: ``BatchEvaluation`` calls it one batch at a time (``OrderedHandOff``).
public final class ResultStream: @unchecked Sendable {
  public let writer: ResultWriter
  private let sink: ([UInt8]) -> Void
  private var buffer: [UInt8] = []
  private var wroteAny = false
  /// Bytes gathered before they are handed to the sink.
  public static let blockSize = 1 << 16

  public init(writer: ResultWriter, sink: @escaping ([UInt8]) -> Void) {
    self.writer = writer
    self.sink = sink
    buffer.reserveCapacity(Self.blockSize * 2)
  }

  public func begin() { buffer.append(contentsOf: writer.header.utf8) }

  /// A chunk rendered by ``ResultWriter/render(_:into:)`` (one or more learners).
  public func emit(_ chunk: [UInt8]) {
    guard !chunk.isEmpty else { return }
    buffer.append(contentsOf: writer.separator(first: !wroteAny).utf8)
    buffer.append(contentsOf: chunk)
    wroteAny = true
    if buffer.count >= Self.blockSize { flush() }
  }

  /// One learner, rendered here.
  public func emit(_ learner: LearnerResults) {
    var chunk: [UInt8] = []
    writer.render(learner, into: &chunk)
    emit(chunk)
  }

  public func end() {
    buffer.append(contentsOf: writer.footer(wroteAny: wroteAny).utf8)
    flush()
  }

  public func flush() {
    guard !buffer.isEmpty else { return }
    sink(buffer)
    buffer.removeAll(keepingCapacity: true)
  }
}

extension String {
  fileprivate func trimmingTrailingSpaces() -> String {
    var text = self
    while text.last == " " { text.removeLast() }
    return text
  }
}
