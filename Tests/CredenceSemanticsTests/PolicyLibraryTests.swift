import CredenceSemantics
import CredenceSyntax
import Foundation
import Testing

/// The example policies in `policies/` stay clean: no errors, no warnings.
@Suite struct PolicyLibraryTests {
  @Test func examplePoliciesAreClean() throws {
    let urls = Programs.files(under: Programs.root.appendingPathComponent("policies"))
    #expect(!urls.isEmpty)
    let checked = Programs.check(try Programs.sources(urls))
    #expect(checked.summary == [])
    #expect(checked.outcome.program != nil)
  }
}
