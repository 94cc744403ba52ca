import CredenceRecords
import Foundation
import Testing

@testable import CredenceSample
@testable import CredenceStore

/// The store's named limits, each exercised at its edge.
@Suite struct StoreLimitTests {
  @Test func scratchBuffersStopAtTheirCapacity() {
    let scratch = TextScratch()
    scratch.append(String(repeating: "x", count: TextScratch.capacity + 50))
    #expect(scratch.count == TextScratch.capacity)
    scratch.clear()
    scratch.append(String(repeating: "y", count: TextScratch.capacity))
    #expect(scratch.count == TextScratch.capacity)
  }
}
