import Credence
import CredenceSemantics
import CredenceSyntax
import Foundation
import Testing

/// `FrontEnd.check(…, scope: .withoutTests)`, as `credence eval` loads policies: tests
/// skimmed and unchecked, everything else as a full check gives it.
@Suite struct FrontEndScopeTests {
  @Test func theLibraryLoadsTheSameProgramWithoutItsTests() throws {
    let path = FrontEndTests.packageRoot.appendingPathComponent("policies").path
    let full = try FrontEnd.check(paths: [path])
    let reduced = try FrontEnd.check(paths: [path], scope: .withoutTests)
    #expect(full.diagnostics.isEmpty)
    #expect(reduced.diagnostics.isEmpty)
    #expect((full.program?.tests.count ?? 0) > 0)
    #expect(reduced.program?.tests == [])
    #expect(reduced.program?.lets == full.program?.lets)
    #expect(reduced.program?.params == full.program?.params)
    #expect(reduced.program?.facts == full.program?.facts)
    #expect(reduced.program?.stacks == full.program?.stacks)
    #expect(reduced.program?.funds == full.program?.funds)
    #expect(reduced.program?.equivalences == full.program?.equivalences)
    #expect(reduced.program?.evaluationOrder == full.program?.evaluationOrder)
    #expect(reduced.program?.dependencies == full.program?.dependencies)
  }
}
