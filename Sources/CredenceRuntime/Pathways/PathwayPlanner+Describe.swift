import CredenceRecords
import CredenceValues

extension PathwayPlanner {
  /// A found path with what each credential fills, its money and the lowest grade.
  func describe(_ found: FoundPath, learner: Learner, acceptsConditional: Bool) -> Pathway {
    let members = found.members
    // The awards get ids in member order (`planned-1`, …): ask which requirement each fills.
    machine.reset(for: learnerAdding(members, to: learner, grade: grade), given: givenFacts)
    _ = machine.pathwayReach(target)
    let fills = members.enumerated().map { number, position in
      machine.pathwayFill(of: Self.awardID(number), code: catalogue[position].code, target)
    }
    let costing = costing(members, learner: learner)
    let steps = members.enumerated().map { number, position in
      let credential = catalogue[position]
      return PathwayStep(
        code: credential.code, title: credential.title, fills: fills[number],
        fee: credential.fee, funding: costing.funding[number], netCost: costing.netCosts[number],
        hours: credential.hours, credits: credential.credits)
    }
    var path = Pathway(
      steps: steps, conditions: found.conditions, netCost: costing.net, fees: costing.fees,
      balanceNotes: costing.notes, lowestGrade: nil, lowestGradeChecked: false,
      hours: found.key.hours, credits: found.key.credits)
    if !scaleGrades.isEmpty {
      path.lowestGradeChecked = true
      path.lowestGrade = lowestGrade(members, learner, acceptsConditional: acceptsConditional)
    }
    return path
  }

  /// The lowest grade of the scale that, on every new credential, still reaches the target
  /// as the path does; ``Pathway/anyGrade`` when the lowest grade does.
  private func lowestGrade(_ members: [Int], _ learner: Learner, acceptsConditional: Bool)
    -> String?
  {
    for (rank, grade) in scaleGrades.enumerated() {
      switch reach(members, learner, grade: grade) {
      case .achieved:
        return rank == 0 ? Pathway.anyGrade : grade
      case .conditional where acceptsConditional:
        return rank == 0 ? Pathway.anyGrade : grade
      default:
        continue
      }
    }
    return nil
  }

  /// Why no path was found: what the target still misses with every candidate added, and
  /// the listed credentials the catalogue lacks.
  func whyNotFound(_ learner: Learner, _ candidates: [Int], _ nodes: inout Int) -> [String] {
    let name = program.name(of: target.decision)
    if candidates.isEmpty {
      // The learner as recorded (the first set counted) names what the catalogue lacks.
      _ = reach([], learner)
      return [
        "no credential of the catalogue can enter the pool of `\(name)` that the learner "
          + "does not already hold"
      ] + absentFromCatalogue()
    }
    nodes += 1
    switch reach(candidates, learner) {
    case .achieved, .conditional:
      return [
        "no path of at most \(options.maximumSize) credential"
          + "\(options.maximumSize == 1 ? "" : "s") completes `\(name)`; a longer one does "
          + "(raise the path size)"
      ]
    default:
      break
    }
    var reasons = [
      "even with every one of the \(candidates.count) candidate credentials of the catalogue, "
        + "`\(name)` is not \(targetWord)"
    ]
    let outcome = machine.outcome(of: target.decision)
    if case .list(let list) = outcome.missing {
      for case .text(let text) in list.elements { reasons.append(text) }
    }
    if case .equivalence(_, let goal) = target, case .number(let credits) = outcome.credits {
      reasons.append("it grants at most \(credits) of the \(goal) credits asked for")
    }
    return reasons + absentFromCatalogue()
  }

  /// The credentials the target's last decided outcome still lists as missing that the
  /// catalogue does not have ("not in the catalogue: GONE1"), or nothing.
  private func absentFromCatalogue() -> [String] {
    let outcome = machine.outcome(of: target.decision)
    let known = Set(catalogue.map(\.code))
    if case .stack(let detail) = outcome.detail {
      var absent: [String] = []
      func walk(_ outcome: RequirementOutcome) {
        for code in outcome.shortfall?.candidates ?? [] where !known.contains(code) {
          if !absent.contains(code) { absent.append(code) }
        }
        outcome.children.forEach(walk)
      }
      walk(detail.allocation.root)
      if !absent.isEmpty {
        return ["not in the catalogue: " + absent.sorted().joined(separator: ", ")]
      }
    }
    return []
  }

  private var targetWord: String {
    switch target {
    case .stack: "achieved"
    case .equivalence(_, let goal): "worth \(goal) credits"
    }
  }
}
