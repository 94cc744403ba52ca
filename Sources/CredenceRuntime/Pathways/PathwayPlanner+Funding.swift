import CredenceRecords
import CredenceValues

/// What one per-enrolment fund gives for a planned enrolment in a credential.
struct FundClaim {
  var fund: Int
  var amount: Money?
  var reasons: [String]
  /// The balances the claim read (scheme, balance on the evaluation date).
  var balances: [(String, Money)]
  /// Whether the claim reads another fund's claim on the same enrolment: it tops that one
  /// up (pays part of what is left), so the two add. Funds that read none are alternatives
  /// for the same fee: only the largest counts.
  var readsFunds: Bool
  /// Whether the amount counts toward the net cost.
  var counted = true
}

/// A path's money: per step the funding counted, and the totals.
struct PathCosting {
  var funding: [[PathwayFunding]]
  var netCosts: [Money?]
  var net: Money?
  var fees: [Money]
  var notes: [String]
}

extension PathwayPlanner {
  /// The id of the planned enrolment a fund is asked about.
  static let plannedEnrolmentID = "planned-enrolment"

  /// The claims of every per-enrolment fund for an enrolment in the credential at
  /// `position`, starting on the planned date at its catalogue fee (the funds are evaluated,
  /// not guessed). Ineligible funds, and funds whose `where` does not select it, are left
  /// out.
  func claims(for position: Int, learner: Learner) -> [FundClaim] {
    if let cached = fundingCache[position] { return cached }
    let credential = catalogue[position]
    var planned = learner
    planned.enrolments.append(
      Enrolment(
        id: Self.plannedEnrolmentID, credential: credential, startOn: plannedDate,
        fee: credential.fee, status: "applied"))
    planned.sortRecords()
    var claims: [FundClaim] = []
    if let enrolment = planned.enrolments.firstIndex(where: { $0.id == Self.plannedEnrolmentID }) {
      for (index, fund) in program.funds.enumerated() where fund.perEnrolment != nil {
        // A fresh learner state per fund, so the balances read are this claim's own.
        machine.reset(for: planned, given: givenFacts)
        machine.plannedEnrolment = enrolment
        let claim = machine.pathwayClaim(fund: index, enrolment: enrolment)
        if case .fund(let detail) = claim.outcome.detail, detail.isClaim == .false { continue }
        switch claim.outcome.status {
        case .eligible:
          guard case .money(let money) = claim.outcome.amount, !money.amount.isZero else {
            continue
          }
          claims.append(
            FundClaim(
              fund: index, amount: money, reasons: [], balances: claim.balances,
              readsFunds: claim.readsFunds))
        case .undetermined:
          claims.append(
            FundClaim(
              fund: index, amount: nil, reasons: claim.reasons, balances: claim.balances,
              readsFunds: claim.readsFunds))
        default:
          continue
        }
      }
    }
    // Of the funds that read no other fund, only the largest counts (docs/decisions.md,
    // "Pathways: funds that add and funds that are alternatives").
    let primary = claims.indices.filter { !claims[$0].readsFunds && claims[$0].amount != nil }
    if let largest = primary.max(by: {
      (claims[$0].amount?.amount ?? .zero) < (claims[$1].amount?.amount ?? .zero)
    }) {
      for index in primary where index != largest { claims[index].counted = false }
    }
    fundingCache[position] = claims
    return claims
  }

  /// The fee less the funding, never below zero, for one credential taken alone.
  func netCost(of position: Int, learner: Learner) -> Money? {
    guard let fee = catalogue[position].fee else { return nil }
    return Self.net(
      fee, claims(for: position, learner: learner).filter(\.counted).compactMap { $0.amount })
  }

  static func net(_ fee: Money, _ amounts: [Money]) -> Money {
    var net = fee.amount
    for amount in amounts where amount.currency == fee.currency {
      net = (try? net - amount.amount) ?? net
    }
    return Money(net.isNegative ? .zero : net, fee.currency)
  }

  /// A lower bound of the objective's value for any path containing `members` (nil when
  /// there is none to give).
  func lowerBound(_ members: [Int], learner: Learner) -> ExactDecimal? {
    switch options.objective {
    case .fewest: return ExactDecimal(members.count)
    case .cost:
      // Each course's funding taken alone is the most it can get in a path (a shared
      // balance only cuts it), so the sum of the single net costs bounds the path's.
      return Self.sum(members.map { netCost(of: $0, learner: learner) })?.amount
    case .hours: return Self.sum(members.map { catalogue[$0].hours })
    case .credits: return Self.sum(members.map { catalogue[$0].credits })
    }
  }

  /// The rank key of a path.
  func rankKey(_ members: [Int], conditional: Bool, learner: Learner)
    -> PathwayRanking.Key
  {
    let cost: ExactDecimal? =
      options.describesPaths || options.objective == .cost
      ? costing(members, learner: learner).net?.amount : nil
    return PathwayRanking.Key(
      size: members.count, conditional: conditional, cost: cost,
      hours: Self.sum(members.map { catalogue[$0].hours }),
      credits: Self.sum(members.map { catalogue[$0].credits }),
      codes: members.map { catalogue[$0].code })
  }

  /// The funding and net cost of a path. Where courses of the path draw on one balance
  /// (funds whose amount read `balance(...)` of shared schemes), what they get together is
  /// cut to what the balances hold, the later courses' first.
  func costing(_ members: [Int], learner: Learner) -> PathCosting {
    var claims = members.map { self.claims(for: $0, learner: learner) }
    var notes: [String] = []
    // Group the claims that read balances by shared schemes (a claim joins every group
    // whose schemes it reads).
    var groups: [(schemes: Set<String>, claims: [(step: Int, claim: Int)])] = []
    for (step, stepClaims) in claims.enumerated() {
      for (index, claim) in stepClaims.enumerated() where !claim.balances.isEmpty && claim.counted {
        let schemes = Set(claim.balances.map { $0.0 })
        let overlapping = groups.indices.filter { !groups[$0].schemes.isDisjoint(with: schemes) }
        var merged = (schemes: schemes, claims: [(step: step, claim: index)])
        for position in overlapping.reversed() {
          merged.schemes.formUnion(groups[position].schemes)
          merged.claims = groups[position].claims + merged.claims
          groups.remove(at: position)
        }
        groups.append(merged)
      }
    }
    for group in groups where Set(group.claims.map(\.step)).count > 1 {
      var holds: [String: Money] = [:]
      for entry in group.claims {
        for (scheme, balance) in claims[entry.step][entry.claim].balances {
          holds[scheme] = balance
        }
      }
      guard let currency = holds.values.first?.currency,
        holds.values.allSatisfy({ $0.currency == currency })
      else { continue }
      var left = holds.values.reduce(ExactDecimal.zero) { total, balance in
        balance.amount.isNegative ? total : ((try? total + balance.amount) ?? total)
      }
      let schemes = holds.keys.sorted().joined(separator: ", ")
      for entry in group.claims {
        guard let amount = claims[entry.step][entry.claim].amount, amount.currency == currency
        else { continue }
        let granted = min(amount.amount, left)
        left = (try? left - granted) ?? .zero
        if granted != amount.amount {
          claims[entry.step][entry.claim].amount = Money(granted, currency)
          let fund = program.funds[claims[entry.step][entry.claim].fund].name
          notes.append(
            "`\(fund)` for \(catalogue[members[entry.step]].code) cut from \(amount.readable) to "
              + "\(Money(granted, currency).readable): the courses of this path share the balance of "
              + "\(schemes)")
        }
      }
    }
    var funding: [[PathwayFunding]] = []
    var netCosts: [Money?] = []
    for (step, position) in members.enumerated() {
      funding.append(
        claims[step].map { claim in
          let fund = program.funds[claim.fund]
          return PathwayFunding(
            fund: fund.name, title: fund.title, amount: claim.amount,
            isUndetermined: claim.amount == nil,
            note: claim.amount == nil
              ? claim.reasons.isEmpty ? "undetermined" : claim.reasons.joined(separator: "; ")
              : claim.counted ? nil : "not counted: an alternative to a larger subsidy of the fee",
            isCounted: claim.counted)
        })
      netCosts.append(
        catalogue[position].fee.map {
          Self.net($0, claims[step].filter(\.counted).compactMap { $0.amount })
        })
    }
    var fees: [Money] = []
    for fee in members.compactMap({ catalogue[$0].fee }) {
      if let index = fees.firstIndex(where: { $0.currency == fee.currency }) {
        fees[index] = (try? fees[index].adding(fee)) ?? fees[index]
      } else {
        fees.append(fee)
      }
    }
    return PathCosting(
      funding: funding, netCosts: netCosts, net: Self.sum(netCosts), fees: fees, notes: notes)
  }

  /// The sum of values, each counted as at least zero; nil when one is unknown.
  static func sum(_ values: [ExactDecimal?]) -> ExactDecimal? {
    var total = ExactDecimal.zero
    for value in values {
      guard let value else { return nil }
      if !value.isNegative { total = (try? total + value) ?? total }
    }
    return total
  }

  /// The sum of amounts of one currency; nil when one is unknown or currencies differ.
  static func sum(_ values: [Money?]) -> Money? {
    guard let first = values.first else { return nil }
    guard let currency = first?.currency else { return nil }
    var total = ExactDecimal.zero
    for value in values {
      guard let value, value.currency == currency else { return nil }
      total = (try? total + value.amount) ?? total
    }
    return Money(total, currency)
  }
}
