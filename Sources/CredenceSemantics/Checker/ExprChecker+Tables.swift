import CredenceSyntax

extension ProgramChecker {
  /// A first-match table: row conditions, one result type, unreachable rows, `otherwise`.
  func checkTable(_ table: FirstMatchTable, at span: Span, _ context: Context) -> TypedExpr {
    var rows: [CheckedTable.Row] = []
    var results: [TypedExpr] = []
    // The first row that always matches, and the conditions tested so far.
    var catchAll: TableRow?
    var tested: [Expr: Span] = [:]
    for row in table.rows {
      let condition: TypedExpr? = row.condition.map { expr in
        self.condition(expr, context, role: "a table row's condition")
      }
      let result = check(row.result, context)
      results.append(result)
      rows.append(CheckedTable.Row(condition: condition, result: result, span: row.span))

      let plain = row.condition?.withoutParentheses
      if let earlier = catchAll {
        warning(
          .unreachableRow, "this row can never be reached", at: row.span,
          labels: [.init("this row always matches", at: earlier.span)],
          help: "rows are tried from the top and the first match wins: remove this row, or "
            + "move it above the row that always matches")
      } else if let plain, let same = tested[plain] {
        warning(
          .unreachableRow, "this row can never be reached", at: row.span,
          labels: [.init("the same condition is tested here first", at: same)],
          help: "an earlier row tests the same condition, so it always wins: remove this row, "
            + "or change its condition")
      } else if plain?.kind == .literal(.bool(false)) {
        warning(
          .unreachableRow, "this row can never be reached", at: row.span,
          help: "its condition is `false`: remove the row")
      }
      if let plain {
        if tested[plain] == nil { tested[plain] = row.span }
        if catchAll == nil, plain.kind == .literal(.bool(true)) { catchAll = row }
      } else if catchAll == nil {
        catchAll = row
      }
    }
    let head = tableHead(span, isPartial: table.isPartial)
    let hasOtherwise = table.rows.contains(where: \.isOtherwise)
    if catchAll == nil, !table.isPartial {
      error(
        .tableWithoutOtherwise, "this table has no `otherwise` row, so it can fall through",
        at: head,
        help: "add `| otherwise -> …` as its last row, or mark it `partial first match` if "
          + "no row matching should give unknown")
    }
    if table.isPartial, hasOtherwise {
      warning(
        .partialWithOtherwise, "`partial` has no effect on a table with an `otherwise` row",
        at: head, help: "remove `partial`: the table always gives a value")
    }
    let (common, converted) = unify(results) { value, common in
      error(
        .typeMismatch,
        "this row gives \(quoted(value.type)), but the rows above give \(quoted(common))",
        at: value.span, help: "every row of a table must give the same kind of value")
    }
    for index in rows.indices { rows[index].result = converted[index] }
    return TypedExpr(
      .firstMatch(CheckedTable(isPartial: table.isPartial, rows: rows)), common, span: span)
  }

  /// The table's first word (`first`, or `partial`), where its diagnostics point.
  private func tableHead(_ span: Span, isPartial: Bool) -> Span {
    let length = isPartial ? "partial".utf8.count : "first".utf8.count
    return Span(file: span.file, start: span.start, end: min(span.end, span.start + length))
  }
}
