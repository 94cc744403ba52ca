import CredenceRecords
import CredenceSemantics
import CredenceSyntax
import CredenceValues

extension Compiler {
  /// `xs where c`: elements for which `c` holds; an element whose condition is unknown stays
  /// in, marked uncertain.
  func compileFilter(
    _ expr: TypedExpr, _ list: TypedExpr, _ element: LocalSlot, _ condition: TypedExpr
  ) -> CompiledExpr {
    let source = compile(list)
    let test = compile(condition)
    let (sc, tc) = (source.code, test.code)
    let slot = element.index
    let span = expr.span
    return CompiledExpr(
      code: { m throws(EvaluationFailure) in
        guard case .list(let list) = try sc(m) else { return .unknown }
        try m.step(list.count, at: span)
        // Sized once: growing it award by award was most of a short filter's allocations.
        var kept: [Value] = []
        kept.reserveCapacity(list.count)
        // Flags only from the first uncertain element on: most filters keep only certain
        // elements, and an array of flags per call was an allocation per call.
        var uncertain: [Bool]? = nil
        for (index, value) in list.elements.enumerated() {
          m.setLocal(slot, value)
          let maybe: Bool
          switch try tc(m) {
          case .bool(true): maybe = list.isUncertain(index)
          case .bool(false): continue
          default: maybe = true
          }
          if maybe, uncertain == nil { uncertain = Array(repeating: false, count: kept.count) }
          kept.append(value)
          uncertain?.append(maybe)
        }
        return .list(ValueList(kept, uncertain: uncertain))
      }, expr: expr, children: [source, test])
  }

  /// `distinct xs by k`: the first element of each group of equal keys; elements with an
  /// unknown key are each kept. An uncertain first element does not hide the next one.
  func compileDistinct(
    _ expr: TypedExpr, _ list: TypedExpr, _ element: LocalSlot, _ key: TypedExpr
  ) -> CompiledExpr {
    let source = compile(list)
    let keyCode = compile(key)
    let (sc, kc) = (source.code, keyCode.code)
    let slot = element.index
    let span = expr.span
    return CompiledExpr(
      code: { m throws(EvaluationFailure) in
        guard case .list(let list) = try sc(m) else { return .unknown }
        try m.step(list.count, at: span)
        var settled = Set<Value>()
        var kept: [Value] = []
        var uncertain: [Bool] = []
        for (index, value) in list.elements.enumerated() {
          m.setLocal(slot, value)
          let key = try kc(m)
          let maybe = list.isUncertain(index)
          if key.isUnknown {
            kept.append(value)
            uncertain.append(maybe)
            continue
          }
          let grouping = key.groupingKey
          if settled.contains(grouping) { continue }
          if !maybe { settled.insert(grouping) }
          kept.append(value)
          uncertain.append(maybe)
        }
        return .list(ValueList(kept, uncertain: uncertain))
      }, expr: expr, children: [source, keyCode])
  }

  /// `x in xs` (Kleene `or` of `x == e` over the elements, an uncertain element counting as
  /// unknown when it matches).
  func compileContains(
    _ expr: TypedExpr, _ element: TypedExpr, _ list: TypedExpr, negated: Bool
  ) -> CompiledExpr {
    let e = compile(element)
    let l = compile(list)
    let (ec, lc) = (e.code, l.code)
    let span = expr.span
    // Text in a constant list of texts: a set lookup.
    if case .list(let constant)? = l.constant, !constant.hasUncertain,
      constant.elements.allSatisfy({ if case .text = $0 { true } else { false } })
    {
      let texts = Set(constant.elements.compactMap { if case .text(let t) = $0 { t } else { nil } })
      if let fused = fusedCredentialTextIn(expr, element, e, l, texts: texts, negated: negated) {
        return fused
      }
      return CompiledExpr(
        code: { m throws(EvaluationFailure) in
          guard case .text(let text) = try ec(m) else { return .unknown }
          try m.stepForText(bytes: text.utf8.count, at: span)
          return .bool(texts.contains(text) != negated)
        }, expr: expr, children: [e, l])
    }
    // Text in a credential's tags: read in place, without making the tags a list value.
    if case .field(let record, .credential(.tags)) = list.node {
      let owner = l.children[0].code
      return CompiledExpr(
        code: { m throws(EvaluationFailure) in
          let value = try ec(m)
          let row: Credential
          switch try owner(m) {
          case .record(.awardCredential(let index)): row = m.learner.awards[Int(index)].credential
          case .record(.enrolmentCredential(let index)):
            row = m.learner.enrolments[Int(index)].credential
          default: return .unknown
          }
          try m.step(row.tags.count, at: span)
          if case .text(let text) = value {
            try m.stepForText(bytes: text.utf8.count * row.tags.count, at: span)
          }
          guard case .text(let text) = value else {
            // Unknown is in no known list of no elements, and may be in any other.
            return row.tags.isEmpty ? .bool(negated) : .unknown
          }
          return .bool(row.tags.contains(text) != negated)
        }, expr: expr, children: [e, l])
    }
    return CompiledExpr(
      code: { m throws(EvaluationFailure) in
        let value = try ec(m)
        guard case .list(let list) = try lc(m) else { return .unknown }
        try m.step(list.count, at: span)
        if case .text(let text) = value {
          try m.stepForText(bytes: text.utf8.count * list.count, at: span)
        }
        var result = Truth.false
        for (index, candidate) in list.elements.enumerated() {
          var match = value.equals(candidate)
          if match == .true && list.isUncertain(index) { match = .unknown }
          result = result.or(match)
          if result == .true { break }
        }
        return Value(negated ? result.negated : result)
      }, expr: expr, children: [e, l])
  }

  /// `count`, `sum`, `min`, `max`, `any`, `all`, over the elements or a per-element value.
  func compileAggregate(
    _ expr: TypedExpr, _ aggregate: Aggregate, _ list: TypedExpr, _ perElement: PerElement?
  ) -> CompiledExpr {
    let source = compile(list)
    let body = perElement.map { compile($0.body) }
    let slot = perElement?.element.index ?? 0
    let sc = source.code
    let bc = body?.code
    let span = expr.span
    let zero = Self.zero(of: expr.type)
    let children = [source] + (body.map { [$0] } ?? [])
    return CompiledExpr(
      code: { m throws(EvaluationFailure) in
        guard case .list(let list) = try sc(m) else { return .unknown }
        try m.step(list.count, at: span)
        // Each element's value (the element itself, or the body with it bound).
        func valueOf(_ index: Int) throws(EvaluationFailure) -> Value {
          let element = list.elements[index]
          guard let bc else { return element }
          m.setLocal(slot, element)
          return try bc(m)
        }
        switch aggregate {
        case .count:
          guard bc != nil else {
            return list.hasUncertain ? .unknown : .number(ExactDecimal(list.count))
          }
          var count = 0
          var unsure = false
          for index in list.elements.indices {
            switch try valueOf(index) {
            case .bool(true): if list.isUncertain(index) { unsure = true } else { count += 1 }
            case .bool(false): continue
            default: unsure = true
            }
          }
          return unsure ? .unknown : .number(ExactDecimal(count))
        case .any, .all:
          let isAny = aggregate == .any
          var result: Truth = isAny ? .false : .true
          for index in list.elements.indices {
            var truth = (try valueOf(index)).truth
            if list.isUncertain(index) {
              // An element that may not be in the list: it can make `any` true and `all`
              // false only possibly.
              if isAny {
                truth = truth == .false ? .false : .unknown
              } else {
                truth = truth == .true ? .true : .unknown
              }
            }
            result = isAny ? result.or(truth) : result.and(truth)
            if isAny && result == .true { return .bool(true) }
            if !isAny && result == .false { return .bool(false) }
          }
          return Value(result)
        case .sum:
          if list.hasUncertain { return .unknown }
          var total = zero
          for index in list.elements.indices {
            let value = try valueOf(index)
            if value.isUnknown { return .unknown }
            do throws(ValueError) { total = try Self.add(total, value) } catch {
              throw failure(error, at: span)
            }
          }
          return total
        case .min, .max:
          if list.hasUncertain || list.elements.isEmpty { return .unknown }
          var best = Value.unknown
          for index in list.elements.indices {
            let value = try valueOf(index)
            if value.isUnknown { return .unknown }
            if best.isUnknown { best = value; continue }
            if case .money(let x) = best, case .money(let y) = value,
              MoneyArithmetic.common(x, y) == nil
            {
              throw failure(.currencyMismatch(x.currency, y.currency), at: span)
            }
            guard let order = value.order(best, reference: m.asOf) else { return .unknown }
            if aggregate == .min ? order == .less : order == .greater { best = value }
          }
          return best
        }
      }, expr: expr, children: children)
  }

  /// `min(a, b, …)` / `max(a, b, …)` of single values; unknown if any is.
  func compileExtremum(_ expr: TypedExpr, _ which: Extremum, _ values: [TypedExpr])
    -> CompiledExpr
  {
    let children = values.map(compile)
    let codes = children.map(\.code)
    let span = expr.span
    let wantsLess = which == .min
    return CompiledExpr(
      code: { m throws(EvaluationFailure) in
        var best = Value.unknown
        var unknown = false
        for code in codes {
          let value = try code(m)
          if value.isUnknown { unknown = true; continue }
          if best.isUnknown { best = value; continue }
          if case .money(let x) = best, case .money(let y) = value,
            MoneyArithmetic.common(x, y) == nil
          {
            throw failure(.currencyMismatch(x.currency, y.currency), at: span)
          }
          guard let order = value.order(best, reference: m.asOf) else { return .unknown }
          if wantsLess ? order == .less : order == .greater {
            best = value
          } else if order == .equal, case .money(let x) = best, MoneyArithmetic.isBareZero(x) {
            best = value  // keep a currency over a bare zero
          }
        }
        return unknown ? .unknown : best
      }, expr: expr, children: children)
  }

  /// The zero an empty `sum` gives, by the sum's type.
  static func zero(of type: ValueType) -> Value {
    switch type {
    case .money(let currency): .money(Money(.zero, currency ?? LedgerBalance.noCurrency))
    case .percent: .percent(.zero)
    case .duration: .duration(DurationBox(CalendarDuration()))
    default: .number(.zero)
    }
  }

  /// The sum of two summable values of one kind.
  static func add(_ a: Value, _ b: Value) throws(ValueError) -> Value {
    switch (a, b) {
    case (.number(let x), .number(let y)): return .number(try x + y)
    case (.percent(let x), .percent(let y)): return .percent(try x + y)
    case (.money(let x), .money(let y)): return .money(try MoneyArithmetic.add(x, y))
    case (.duration(let x), .duration(let y)):
      return .duration(DurationBox(try x.duration.adding(y.duration)))
    default: return .unknown
    }
  }
}
