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

/// Writes results in a format, a learner at a time, so output streams however many learners
/// there are. Every format carries the same facts; explanations appear only when asked for.
public struct ResultWriter {
  public let format: ResultFormat
  public let explain: Bool
  /// Width of the decision column of the table (the longest decision name reported).
  let decisionWidth: Int
  private var wroteFirst = false
  private let write: (String) -> Void

  /// A writer for results of `decisions` (names), sending text to `write`.
  public init(
    format: ResultFormat, explain: Bool, decisions: [String], write: @escaping (String) -> Void
  ) {
    self.format = format
    self.explain = explain
    self.decisionWidth = max(8, decisions.map(\.count).max() ?? 8)
    self.write = write
  }

  /// The header (CSV columns, the opening of a JSON array, the table's column names).
  public mutating func begin() {
    switch format {
    case .csv:
      write(Self.csvColumns.joined(separator: ",") + (explain ? ",explanation" : "") + "\n")
    case .json:
      write("[")
    case .table where !explain:
      write(tableRow(["learner", "decision", "enrolment", "status", "result"]) + "\n")
    case .table, .ndjson:
      break
    }
  }

  /// One learner's results.
  public mutating func write(_ learner: LearnerResults) {
    switch format {
    case .table where explain:
      var text = "learner \(learner.learner)\n"
      for result in learner.results {
        let lines = result.explanation?.lines(indent: 2) ?? ["  " + summaryLine(result)]
        text += lines.joined(separator: "\n") + "\n"
      }
      write(text + "\n")
    case .table:
      var text = ""
      for result in learner.results {
        text +=
          tableRow([
            result.learner, result.decision, result.enrolment ?? "-", result.status.rawValue,
            Self.summary(result),
          ]) + "\n"
      }
      write(text)
    case .csv:
      var text = ""
      for result in learner.results { text += csvRow(result) + "\n" }
      write(text)
    case .ndjson:
      var text = ""
      for result in learner.results { text += jsonObject(result) + "\n" }
      write(text)
    case .json:
      var text = ""
      for result in learner.results {
        text += (wroteFirst ? ",\n" : "\n") + jsonObject(result)
        wroteFirst = true
      }
      write(text)
    }
  }

  /// The end (the closing of a JSON array).
  public mutating func end() {
    if format == .json { write(wroteFirst ? "\n]\n" : "]\n") }
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

  private func summaryLine(_ result: DecisionResult) -> String {
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
    if let rate = result.rate { parts.append((parts.isEmpty ? "" : "at ") + rate.description) }
    if let credits = result.credits {
      let value = credits.normalized
      parts.append("\(value) credit\(value == .one ? "" : "s")")
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
    money.currency.description == "XXX" && money.amount.isZero ? "0" : money.description
  }

  // MARK: CSV

  static let csvColumns = [
    "learner", "decision", "enrolment", "status", "amount", "currency", "rate", "credits",
    "granted", "used", "missing", "reasons",
  ]

  private func csvRow(_ result: DecisionResult) -> String {
    let currency = result.amount.map { money in
      money.currency.description == "XXX" ? "" : money.currency.description
    }
    var cells = [
      result.learner, result.decision, result.enrolment ?? "", result.status.rawValue,
      result.amount.map { $0.amount.description } ?? "", currency ?? "",
      result.rate.map { $0.value.description } ?? "",
      result.credits.map { $0.description } ?? "",
      result.granted.joined(separator: ";"), result.used.joined(separator: ";"),
      result.missing.joined(separator: ";"), result.reasons.joined(separator: ";"),
    ]
    if explain { cells.append(result.explanation?.lines().joined(separator: "\n") ?? "") }
    return cells.map(Self.csvField).joined(separator: ",")
  }

  /// A CSV field, quoted when it holds a comma, quote or line break (RFC 4180).
  static func csvField(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return text
    }
    var quoted = "\""
    for character in text {
      if character == "\"" { quoted += "\"\"" } else { quoted.append(character) }
    }
    return quoted + "\""
  }

  // MARK: JSON

  private func jsonObject(_ result: DecisionResult) -> String {
    var fields: [(String, String)] = [
      ("learner", Self.json(result.learner)),
      ("decision", Self.json(result.decision)),
      ("title", Self.json(result.title)),
      ("kind", Self.json(result.kind.rawValue)),
      ("enrolment", result.enrolment.map(Self.json) ?? "null"),
      ("status", Self.json(result.status.rawValue)),
      ("amount", result.amount.map { Self.json($0.amount.description) } ?? "null"),
      (
        "currency",
        result.amount.map {
          $0.currency.description == "XXX" ? "null" : Self.json($0.currency.description)
        } ?? "null"
      ),
      ("rate", result.rate.map { Self.json($0.description) } ?? "null"),
      ("credits", result.credits.map { Self.json($0.description) } ?? "null"),
      ("granted", Self.json(result.granted)),
      ("used", Self.json(result.used)),
      ("missing", Self.json(result.missing)),
      ("reasons", Self.json(result.reasons)),
    ]
    if explain, let explanation = result.explanation {
      fields.append(("explanation", Self.json(explanation)))
    }
    return "{" + fields.map { "\(Self.json($0.0)):\($0.1)" }.joined(separator: ",") + "}"
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
  static func json(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + "\""
  }
}

extension String {
  fileprivate func trimmingTrailingSpaces() -> String {
    var text = self
    while text.last == " " { text.removeLast() }
    return text
  }
}
