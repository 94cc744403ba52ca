import CredenceRecords
import CredenceSemantics
import CredenceValues
import Testing

@testable import CredenceRuntime

/// The static screens that prune a pathway search's candidates (exactness is the property
/// test's; these pin what the library's targets keep).
@Suite struct PathwayScreenTests {
  /// Every stack of the library reads its awards through screened pools: no stack makes
  /// the whole catalogue a candidate (which would make every search of it slow).
  @Test func libraryStacksAreScreened() throws {
    let program = try #require(Programs.library)
    for case .stack(let id) in program.decisions {
      let screens = PathwayScreen.screens(of: .stack(id), in: program).screens
      #expect(screens != nil, "\(program.checked[id].name) reads every award")
    }
  }

  /// The master's after a FlexiMasters needs 16 AU transferred through another decision
  /// whose pool takes other courses: those are candidates too, though the stack's own pool
  /// (which excludes what the transfer uses) never takes them.
  @Test func aConditionOnAnotherDecisionBringsInItsPool() throws {
    let program = try #require(Programs.library)
    guard case .stack(let id)? = program.decision(named: "nie_masters_after_fleximasters") else {
      Issue.record("no stack nie_masters_after_fleximasters")
      return
    }
    let catalogue = [
      Credential(code: "NIE-FM1", credits: 4, tags: ["nie-stackable"]),
      Credential(code: "NIE-M1", credits: 4, tags: ["nie-masters"]),
      Credential(code: "OTHER", credits: 4, tags: ["elsewhere"]),
    ]
    let planner = PathwayPlanner(
      program: program, asOf: day("2027-06-10"), target: .stack(id), catalogue: catalogue)
    let codes = planner.candidates(for: Learner(id: "L")).map { planner.catalogue[$0].code }
    #expect(codes == ["NIE-FM1", "NIE-M1"])
  }
}
