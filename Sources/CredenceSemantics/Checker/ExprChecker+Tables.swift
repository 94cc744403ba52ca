import CredenceSyntax

extension ProgramChecker {
  /// A first-match table: row conditions, one result type, unreachable rows, `otherwise`.
  func checkTable(_ table: FirstMatchTable, at span: Span, _ context: Context) -> TypedExpr {
    var rows: [CheckedTable.Row] = []
    var results: [TypedExpr] = []
    // The first row that always matches, and the conditions tested so far.
    var catchAll: TableRow?
    var tested: [Expr: Span] = [:]
    // Per compared expression, what the rows above match of it (RowCoverage): the union so
    // far, kept merged, and each row's own intervals for the labels.
    var covered: [TypedExpr: CoveredValues] = [:]
    for row in table.rows {
      let condition: TypedExpr? = row.condition.map { expr in
        self.condition(expr, context, role: "a table row's condition")
      }
      let result = check(row.result, context)
      results.append(result)
      rows.append(CheckedTable.Row(condition: condition, result: result, span: row.span))

      let plain = row.condition?.withoutParentheses
      let coverage = condition.flatMap(RowCoverage.of)
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
      } else if let coverage {
        warnIfCovered(coverage, row: row.span, by: covered[coverage.subject] ?? CoveredValues())
      }
      if let coverage {
        covered[coverage.subject, default: CoveredValues()].add(coverage, row: row.span)
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

  /// Warns when every value `coverage` matches is matched by rows above (`earlier`), or
  /// when no value can match it at all.
  private func warnIfCovered(_ coverage: RowCoverage, row: Span, by earlier: CoveredValues) {
    if coverage.intervals.isEmpty {
      warning(
        .unreachableRow, "this row can never be reached", at: row,
        help: "no value satisfies its condition: remove the row, or correct its bounds")
      return
    }
    guard ValueInterval.covers(earlier.union, coverage.intervals) else { return }
    warning(
      .unreachableRow, "this row can never be reached", at: row,
      labels: earlier.winners(over: coverage.intervals).map {
        .init("this row matches first", at: $0)
      },
      help: "every value this row matches is matched by a row above it, and the first match "
        + "wins: put the narrower condition first, or remove this row")
  }

  /// The table's first word (`first`, or `partial`), where its diagnostics point.
  private func tableHead(_ span: Span, isPartial: Bool) -> Span {
    let length = isPartial ? "partial".utf8.count : "first".utf8.count
    return Span(file: span.file, start: span.start, end: min(span.end, span.start + length))
  }
}
