import CredenceSemantics
import CredenceSyntax
import CredenceValues

extension Machine {
  /// The equivalence `index` (memoised).
  func equivalenceOutcome(_ index: Int) -> DecisionOutcome {
    if let memo = equivalenceMemo[index] { return memo }
    let outcome = decideEquivalence(index)
    equivalenceMemo[index] = outcome
    return outcome
  }

  private func decideEquivalence(_ index: Int) -> DecisionOutcome {
    let equivalence = program.equivalences[index]
    guard program.policies[equivalence.policy].isInEffect(on: asOf) else {
      return .bare(.notInEffect)
    }
    do {
      try step(at: equivalence.span)
      return try inFrame(equivalence.localCount) { m throws(EvaluationFailure) in
        try m.decideEquivalenceInFrame(equivalence)
      }
    } catch {
      return DecisionOutcome(status: .error, failure: error)
    }
  }

  private func decideEquivalenceInFrame(_ equivalence: CompiledEquivalence)
    throws(EvaluationFailure) -> DecisionOutcome
  {
    var pool: [(award: Int, uncertain: Bool)] = []
    if let poolCode = equivalence.pool {
      guard case .list(let list) = try poolCode.code(self) else {
        return DecisionOutcome(status: .undetermined)
      }
      pool.reserveCapacity(list.count)
      for (position, element) in list.elements.enumerated() {
        guard case .record(.award(let award)) = element else { continue }
        pool.append((Int(award), list.isUncertain(position)))
      }
    } else {
      pool = learner.awards.indices.map { ($0, false) }
    }
    try step(pool.count, at: equivalence.span)
    // The first pool award of each credential stands for every award of it (a retaken
    // course). A short pool is scanned up to the award; a long one builds its table once an
    // option needs it (most learners' pools give no option).
    var firstOfCode: FirstAwardByCode?
    func credential(of award: Int) -> Int {
      if pool.count <= FirstAwardByCode.linearLimit {
        return FirstAwardByCode.firstAward(of: award, in: pool.lazy.map(\.award)) {
          learner.awards[$0].credential.code
        }
      }
      let table =
        firstOfCode
        ?? FirstAwardByCode(pool.lazy.map(\.award)) { learner.awards[$0].credential.code }
      firstOfCode = table
      return table.award(for: learner.awards[award].credential.code) ?? award
    }
    // `awards` itself, not a copy, when each award is the first of its code (the usual case).
    func credentials(_ awards: [Int]) -> [Int] {
      var result = awards
      for (index, award) in awards.enumerated() {
        let first = credential(of: award)
        if first != award { result[index] = first }
      }
      return result
    }
    // The `code` rows naming each pool award, in the order the rows' options come in.
    let codeMatches = equivalence.codeRows.matches(poolCount: pool.count) {
      learner.awards[pool[$0].award].credential.code
    }
    var nextMatch = 0

    var options: [EquivalenceOption] = []
    for ruleIndex in equivalence.rules.indices {
      // A `code` row no pool award names adds nothing: it is not even read.
      if equivalence.codeRows.isCodeRow[ruleIndex] {
        guard nextMatch < codeMatches.count, codeMatches[nextMatch].row == ruleIndex else {
          continue
        }
      }
      let rule = equivalence.rules[ruleIndex]
      func credits() throws(EvaluationFailure) -> ExactDecimal? {
        guard case .number(let value) = try rule.credits.code(self) else { return nil }
        return value.isNegative ? .zero : value
      }
      switch rule.source {
      case .code:
        while nextMatch < codeMatches.count, codeMatches[nextMatch].row == ruleIndex {
          let (award, uncertain) = pool[codeMatches[nextMatch].position]
          nextMatch += 1
          let value = try credits()
          let awards = [award]
          options.append(
            EquivalenceOption(
              rule: ruleIndex, awards: awards, credentials: credentials(awards),
              target: rule.target, category: rule.category,
              credits: value, uncertain: uncertain || value == nil))
        }
      case .allOf(let list):
        guard case .list(let codes) = try list.code(self) else { continue }
        var awards: [Int] = []
        var uncertain = codes.hasUncertain
        var complete = true
        for element in codes.elements {
          guard case .text(let code) = element else {
            complete = false
            break
          }
          let matching = pool.filter { learner.awards[$0.award].credential.code == code }
          guard let pick = matching.first(where: { !$0.uncertain }) ?? matching.first else {
            complete = false
            break
          }
          if !awards.contains(pick.award) { awards.append(pick.award) }
          uncertain = uncertain || pick.uncertain
        }
        guard complete, !awards.isEmpty else { continue }
        let value = try credits()
        options.append(
          EquivalenceOption(
            rule: ruleIndex, awards: awards, credentials: credentials(awards),
            target: rule.target, category: rule.category,
            credits: value, uncertain: uncertain || value == nil))
      case .each(let slot, let condition):
        for (award, uncertain) in pool {
          setLocal(slot, .record(.award(Int32(award))))
          let truth = try condition.code(self).truth
          guard truth != .false else { continue }
          let value = try credits()
          let awards = [award]
          options.append(
            EquivalenceOption(
              rule: ruleIndex, awards: awards, credentials: credentials(awards),
              target: rule.target, category: rule.category,
              credits: value, uncertain: uncertain || truth == .unknown || value == nil))
        }
      }
    }

    // Few categories: an array searched linearly, not a dictionary per learner.
    var categoryCaps: [(name: String, cap: ExactDecimal)] = []
    var totalCap: ExactDecimal?
    var capUnknown = false
    for cap in equivalence.caps {
      guard case .number(let limit) = try cap.limit.code(self) else {
        capUnknown = true
        continue
      }
      let bounded = limit.isNegative ? ExactDecimal.zero : limit
      if let category = cap.category {
        if let known = categoryCaps.firstIndex(where: { $0.name == category }) {
          categoryCaps[known].cap = min(categoryCaps[known].cap, bounded)
        } else {
          categoryCaps.append((category, bounded))
        }
      } else {
        totalCap = min(totalCap ?? bounded, bounded)
      }
    }

    if categoryCaps.count > 1 { categoryCaps.sort { $0.name < $1.name } }

    if options.count > EvaluationLimits.maximumEquivalenceOptions {
      // The search goes one level deeper per option; past the limit it is not attempted.
      return DecisionOutcome(
        status: .undetermined, granted: .list(.empty), used: .list(.empty),
        detail: .equivalence(
          EquivalenceDetail(
            options: [], chosen: [], pool: pool, categories: [], uncapped: .zero, total: .zero,
            totalCap: nil, undetermined: .poolTooLarge)))
    }
    let certainIndices = options.indices.filter { !options[$0].uncertain }
    var solver = EquivalenceSolver(
      options: options, candidates: certainIndices, categoryCaps: categoryCaps,
      totalCap: totalCap, nodeLimit: options.isEmpty ? 0 : self.options.equivalenceSearchNodes,
      span: equivalence.span)
    let certain = try solver.solve()
    var undetermined: UndeterminedReason?
    if !certain.complete {
      undetermined = .searchLimit
    } else if capUnknown && !options.isEmpty {
      undetermined = .unknownValues
    } else if certainIndices.count < options.count {
      // Could the uncertain options add credits? Solve with them at their best.
      var optimistic = options
      let generous =
        (try? certain.total + (totalCap ?? ExactDecimal(1_000_000_000))) ?? certain.total
      for index in optimistic.indices where optimistic[index].credits == nil {
        optimistic[index].credits = generous
      }
      var possibleSolver = EquivalenceSolver(
        options: optimistic, candidates: Array(options.indices), categoryCaps: categoryCaps,
        totalCap: totalCap, nodeLimit: self.options.equivalenceSearchNodes,
        span: equivalence.span)
      let possible = try possibleSolver.solve()
      if !possible.complete {
        undetermined = .searchLimit
      } else if possible.total != certain.total
        || (possible.chosen.isEmpty != certain.chosen.isEmpty)
      {
        undetermined = .unknownValues
      }
    }

    var granted: [Value] = []
    var used: [Value] = []
    // The awards used, in order, each once (few: a linear search beats a set).
    var usedAwards: [Int] = []
    for index in certain.chosen {
      let option = options[index]
      granted.append(.text(option.target ?? "elective"))
      for award in option.awards where !usedAwards.contains(award) {
        usedAwards.append(award)
        used.append(.record(.award(Int32(award))))
      }
    }
    let status: DecisionStatus =
      undetermined != nil ? .undetermined : (certain.chosen.isEmpty ? .notAchieved : .achieved)
    let detail = EquivalenceDetail(
      options: options, chosen: certain.chosen, pool: pool, categories: certain.categories,
      uncapped: certain.uncapped, total: certain.total, totalCap: totalCap,
      undetermined: undetermined)
    return DecisionOutcome(
      status: status, credits: status == .undetermined ? .unknown : .number(certain.total),
      granted: .list(ValueList(granted)), used: .list(ValueList(used)),
      detail: .equivalence(detail))
  }
}

/// Chooses which options of an equivalence to grant: credentials used once (a retaken
/// course's awards as one), modules granted once,
/// the most credits after the caps, and among equal totals the earliest options in rule
/// order (a depth-first search that tries taking each option before leaving it).
struct EquivalenceSolver {
  struct Solution {
    var chosen: [Int]
    var total: ExactDecimal
    var uncapped: ExactDecimal
    /// Each capped category: its credits before and after its cap.
    typealias Categories =
      [(category: String, before: ExactDecimal, after: ExactDecimal, cap: ExactDecimal)]
    var categories: Categories
    /// False when the node limit cut the search short.
    var complete: Bool
  }

  let options: [EquivalenceOption]
  /// Indices of the options that may be chosen, in rule order.
  let candidates: [Int]
  /// The capped categories, by name, each once with its lowest cap.
  let categoryCaps: [(name: String, cap: ExactDecimal)]
  let totalCap: ExactDecimal?
  let nodeLimit: Int
  let span: Span

  private var nodes = 0
  private var best: (value: ExactDecimal, chosen: [Int])?
  /// Category of each candidate as a bucket (``bucket(of:)``), when there is a search.
  private var categoryIndex: [Int] = []
  /// Credits of candidates `i...` by category, for the bound.
  private var suffix: [[ExactDecimal]] = []

  init(
    options: [EquivalenceOption], candidates: [Int],
    categoryCaps: [(name: String, cap: ExactDecimal)], totalCap: ExactDecimal?, nodeLimit: Int,
    span: Span
  ) {
    self.options = options
    self.candidates = candidates
    self.categoryCaps = categoryCaps
    self.totalCap = totalCap
    self.nodeLimit = nodeLimit
    self.span = span
  }

  private func add(_ a: ExactDecimal, _ b: ExactDecimal) throws(EvaluationFailure) -> ExactDecimal {
    do throws(ValueError) { return try a + b } catch { throw failure(error, at: span) }
  }

  /// A category's bucket: its position among the capped categories; categories without a
  /// cap share the last one.
  private func bucket(of category: String?) -> Int {
    guard let category else { return categoryCaps.count }
    return categoryCaps.firstIndex { $0.name == category } ?? categoryCaps.count
  }

  /// The cap of a bucket (none for the last).
  private func cap(_ bucket: Int) -> ExactDecimal? {
    bucket < categoryCaps.count ? categoryCaps[bucket].cap : nil
  }

  /// Credits after the caps for the given per-category sums.
  private func capped(_ sums: [ExactDecimal]) throws(EvaluationFailure) -> ExactDecimal {
    var total = ExactDecimal.zero
    for (index, sum) in sums.enumerated() {
      total = try add(total, cap(index).map { min($0, sum) } ?? sum)
    }
    return totalCap.map { min($0, total) } ?? total
  }

  mutating func solve() throws(EvaluationFailure) -> Solution {
    // Categories that have a cap get their own bucket; the rest share the last one.
    let buckets = categoryCaps.count + 1
    var complete = true
    if hasConflicts() {
      categoryIndex = candidates.map { bucket(of: options[$0].category) }
      // The bound of the search; without conflicts every candidate is taken, no search runs,
      // and the sums below overflow exactly when these would (credits are not negative).
      suffix = Array(
        repeating: Array(repeating: .zero, count: buckets), count: candidates.count + 1)
      for position in stride(from: candidates.count - 1, through: 0, by: -1) {
        suffix[position] = suffix[position + 1]
        let bucket = categoryIndex[position]
        suffix[position][bucket] = try add(
          suffix[position][bucket], options[candidates[position]].credits ?? .zero)
      }
      var usedAwards = Set<Int>()
      var usedTargets = Set<String>()
      var sums = Array(repeating: ExactDecimal.zero, count: buckets)
      var chosen: [Int] = []
      complete = try search(0, &usedAwards, &usedTargets, &sums, &chosen)
    } else {
      best = (.zero, candidates)
    }
    let chosen = best?.chosen ?? []
    var afterCategories = ExactDecimal.zero
    var categories: Solution.Categories = []
    categories.reserveCapacity(categoryCaps.count)
    // Each bucket's sum in the order of `chosen` (no array of sums: most learners have no
    // option, and one allocation per decision was most of the solver's cost).
    for index in 0..<buckets {
      var sum = ExactDecimal.zero
      for option in chosen where bucket(of: options[option].category) == index {
        sum = try add(sum, options[option].credits ?? .zero)
      }
      let after = cap(index).map { min($0, sum) } ?? sum
      afterCategories = try add(afterCategories, after)
      if index < categoryCaps.count {
        categories.append((categoryCaps[index].name, sum, after, categoryCaps[index].cap))
      }
    }
    let total = totalCap.map { min($0, afterCategories) } ?? afterCategories
    return Solution(
      chosen: chosen, total: total, uncapped: afterCategories, categories: categories,
      complete: complete)
  }

  /// Most candidates compared pair by pair for conflicts; past it they are hashed.
  static let pairwiseConflictLimit = 24

  /// Whether two candidates compete for an award or a module.
  private func hasConflicts() -> Bool {
    if candidates.count <= Self.pairwiseConflictLimit {
      // A learner has few candidates: comparing pairs costs less than building two sets.
      for (position, index) in candidates.enumerated() {
        let option = options[index]
        for earlier in candidates[..<position] {
          let other = options[earlier]
          if let target = option.target, other.target == target { return true }
          for award in option.credentials where other.credentials.contains(award) { return true }
        }
        // One option naming an award twice competes with itself, as the sets below find.
        for (offset, award) in option.credentials.enumerated()
        where option.credentials[..<offset].contains(award) {
          return true
        }
      }
      return false
    }
    var awards = Set<Int>()
    var targets = Set<String>()
    for index in candidates {
      for award in options[index].credentials where !awards.insert(award).inserted { return true }
      if let target = options[index].target, !targets.insert(target).inserted { return true }
    }
    return false
  }

  /// Depth-first over the candidates from `position`; false when the node limit is reached.
  private mutating func search(
    _ position: Int, _ usedAwards: inout Set<Int>, _ usedTargets: inout Set<String>,
    _ sums: inout [ExactDecimal], _ chosen: inout [Int]
  ) throws(EvaluationFailure) -> Bool {
    nodes += 1
    if nodes > nodeLimit { return false }
    if position == candidates.count {
      let value = try capped(sums)
      if best.map({ value > $0.value }) ?? true { best = (value, chosen) }
      return true
    }
    // Bound: even taking everything left cannot beat the best.
    if let best {
      var bound = sums
      for bucket in bound.indices {
        bound[bucket] = try add(bound[bucket], suffix[position][bucket])
      }
      if try capped(bound) <= best.value { return true }
    }
    let index = candidates[position]
    let option = options[index]
    let free =
      option.credentials.allSatisfy { !usedAwards.contains($0) }
      && (option.target.map { !usedTargets.contains($0) } ?? true)
    if free {
      for award in option.credentials { usedAwards.insert(award) }
      if let target = option.target { usedTargets.insert(target) }
      let bucket = categoryIndex[position]
      let saved = sums[bucket]
      sums[bucket] = try add(saved, option.credits ?? .zero)
      chosen.append(index)
      let finished = try search(position + 1, &usedAwards, &usedTargets, &sums, &chosen)
      chosen.removeLast()
      sums[bucket] = saved
      for award in option.credentials { usedAwards.remove(award) }
      if let target = option.target { usedTargets.remove(target) }
      if !finished { return false }
    }
    return try search(position + 1, &usedAwards, &usedTargets, &sums, &chosen)
  }
}
