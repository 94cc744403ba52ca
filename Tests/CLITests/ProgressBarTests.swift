import Testing

@testable import credence

/// The progress line of `credence eval --all` on a terminal.
@Suite struct ProgressBarTests {
  @Test func theLineShowsDoneTotalRateAndTimeLeft() {
    #expect(
      ProgressBar.line(done: 250_000, total: 1_000_000, elapsed: 5)
        == "[######------------------] 250,000 / 1,000,000 learners  50,000/s  0:15 left")
    #expect(
      ProgressBar.line(done: 0, total: 12, elapsed: 0)
        == "[------------------------] 0 / 12 learners")
    #expect(
      ProgressBar.line(done: 12, total: 12, elapsed: 2)
        == "[########################] 12 / 12 learners  6/s  0:00 left")
    #expect(ProgressBar.duration(3_725) == "1:02:05")
  }

  @Test func redrawsAreThrottledAndTheLineIsClearedAtTheEnd() {
    final class Log: @unchecked Sendable { var lines: [String] = [] }
    let log = Log()
    final class Clock: @unchecked Sendable { var now = 100.0 }
    let clock = Clock()
    let bar = ProgressBar(total: 1000, draw: { log.lines.append($0) }, clock: { clock.now })
    #expect(ProgressBar.redrawsPerSecond == 10)
    for done in stride(from: 0, through: 1000, by: 10) {
      bar.update(done: done)
      clock.now += 0.01  // 100 updates a second
    }
    // One second of updates: about ten redraws, not a hundred.
    #expect(log.lines.count >= 9 && log.lines.count <= 11, "\(log.lines.count) redraws")
    #expect(log.lines.allSatisfy { $0.hasPrefix("\r[") })
    bar.finish()
    #expect(log.lines.last == "\r\u{1B}[K")
  }
}
