import Credence

/// The what-if form's rows of awards (`code-N`, `date-N`, `grade-N`, N from 1): read, each
/// field checked on its own so that a mistake is named where it was made, and turned back
/// into the form's rows to show again.
struct WhatIfRows {
  /// One row as typed, with what is wrong with each of its fields.
  struct Row {
    var number: Int
    var code = ""
    var date = ""
    var grade = ""
    var codeProblem: String?
    var dateProblem: String?
    var gradeProblem: String?
    /// The award the row asks for, when nothing is wrong with it.
    var award: HypotheticalAward?

    var problems: [(field: String, message: String)] {
      [("code", codeProblem), ("date", dateProblem), ("grade", gradeProblem)].compactMap {
        field, message in message.map { (field, $0) }
      }
    }
  }

  /// The rows with something typed in them, in form order.
  var rows: [Row]

  /// The awards, when every row is right.
  var awards: [HypotheticalAward]? {
    rows.allSatisfy { $0.problems.isEmpty } ? rows.compactMap(\.award) : nil
  }

  /// Reads rows 1 to ``WebLimits/whatIfAwards`` of `form`, skipping blank ones; a code is
  /// looked for in `catalogue` (codes close to an unknown one are suggested), a grade on
  /// `scales` (any grade goes when the policies declare none).
  init(_ form: Form, catalogue: [String], scales: [GradeScale]) {
    let known = Set(catalogue)
    rows = []
    for number in 1...WebLimits.whatIfAwards {
      let code = form["code-\(number)"]
      let date = form["date-\(number)"]
      let grade = form["grade-\(number)"]
      if code == nil, date == nil, grade == nil { continue }
      var row = Row(number: number, code: code ?? "", date: date ?? "", grade: grade ?? "")
      if let code {
        if !known.contains(code) { row.codeProblem = Self.unknown(code, among: catalogue) }
      } else {
        row.codeProblem = "Give the code of the credential, or clear the row."
      }
      var awardDate: CivilDate?
      if let date {
        awardDate = CivilDate(parsing: date)
        if awardDate == nil {
          row.dateProblem =
            "`\(date)` is not a date: write it as YYYY-MM-DD, for example 2026-06-30."
        }
      }
      if let grade, !scales.isEmpty, !scales.contains(where: { $0.contains(grade) }) {
        row.gradeProblem = Self.offScale(grade, scales)
      }
      if let code, row.problems.isEmpty {
        row.award = HypotheticalAward(code: code, date: awardDate, grade: grade)
      }
      rows.append(row)
    }
  }

  /// How many suggestions an unknown code gets.
  static let suggestionCount = 3

  static func unknown(_ code: String, among catalogue: [String]) -> String {
    let close = Evaluation.suggestions(for: code, among: catalogue, limit: suggestionCount)
    var message = "The catalogue has no credential `\(code)`"
    if !close.isEmpty {
      let listed = close.map { "`\($0)`" }
      message +=
        "; did you mean "
        + (listed.count == 1
          ? listed[0]
          : listed.dropLast().joined(separator: ", ") + " or " + listed[listed.count - 1]) + "?"
    } else {
      message += "; pick one from the list as you type."
    }
    return message
  }

  static func offScale(_ grade: String, _ scales: [GradeScale]) -> String {
    let described = scales.map { scale in
      "`\(scale.name)` (" + scale.grades.map(\.name).joined(separator: ", ") + ")"
    }
    return "`\(grade)` is not a grade of the "
      + (scales.count == 1 ? "scale " : "scales ") + described.joined(separator: "; ")
      + "; leave it empty for an award without a grade."
  }

  /// The form's rows to draw: those typed, then empty ones, at least
  /// ``WebLimits/whatIfEmptyRows`` in all and one empty row more than typed while there is
  /// room, at most ``WebLimits/whatIfAwards``.
  func formRows() -> [[String: Any]] {
    var shown: [[String: Any]] = []
    var byNumber = Dictionary(rows.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
    let count = min(
      WebLimits.whatIfAwards, max(WebLimits.whatIfEmptyRows, (rows.map(\.number).max() ?? 0) + 1))
    for number in 1...count {
      let row = byNumber.removeValue(forKey: number) ?? Row(number: number)
      shown.append(Self.context(row))
    }
    return shown
  }

  /// An empty form's rows.
  static func emptyFormRows() -> [[String: Any]] {
    (1...WebLimits.whatIfEmptyRows).map { context(Row(number: $0)) }
  }

  private static func context(_ row: Row) -> [String: Any] {
    var context: [String: Any] = [
      "number": row.number, "code": row.code, "date": row.date, "grade": row.grade,
    ]
    for (field, message) in row.problems { context[field + "Problem"] = message }
    return context
  }

  /// The mistakes of every row, for the summary above the form: each links to its field.
  var summary: [[String: Any]] {
    rows.flatMap { row in
      row.problems.map { field, message -> [String: Any] in
        ["field": "what-if-\(field)-\(row.number)", "row": row.number, "message": message]
      }
    }
  }
}
