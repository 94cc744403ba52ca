import Foundation

/// A progress line for long batches: learners done of the total, the rate, and the time
/// left, redrawn in place on standard error at most ``redrawsPerSecond`` times a second.
///
/// `credence eval --all` shows it only when standard error is a terminal, so pipes, files,
/// CI logs and tests see nothing. Thread-safe: workers report as they finish batches.
final class ProgressBar: @unchecked Sendable {
  /// Redraws per second at most: smooth to the eye, and negligible work for the batch.
  static let redrawsPerSecond = 10
  /// The width of the bar itself, in characters.
  static let barWidth = 24

  private let total: Int
  private let draw: (String) -> Void
  private let clock: () -> Double
  private let started: Double
  private let lock = NSLock()
  private var lastDrawn: Double = -.infinity
  private var drewAnything = false

  /// A bar for `total` learners, drawing through `draw` (standard error by default), reading
  /// time in seconds from `clock` (monotonic by default).
  init(
    total: Int, draw: @escaping (String) -> Void = ProgressBar.drawOnStandardError,
    clock: @escaping () -> Double = ProgressBar.monotonicSeconds
  ) {
    self.total = max(0, total)
    self.draw = draw
    self.clock = clock
    started = clock()
  }

  /// Reports `done` learners finished; redraws when the last redraw is old enough.
  func update(done: Int) {
    lock.lock()
    defer { lock.unlock() }
    let now = clock()
    guard now - lastDrawn >= 1 / Double(Self.redrawsPerSecond) else { return }
    lastDrawn = now
    drewAnything = true
    draw("\r" + Self.line(done: done, total: total, elapsed: now - started) + "\u{1B}[K")
  }

  /// Clears the line, leaving the terminal as it was.
  func finish() {
    lock.lock()
    defer { lock.unlock() }
    if drewAnything { draw("\r\u{1B}[K") }
    drewAnything = false
  }

  /// The progress line: `[#########---------]  412,000 / 1,000,000 learners  85,112/s  0:07 left`.
  static func line(done: Int, total: Int, elapsed: Double) -> String {
    let shown = min(max(0, done), max(total, done))
    let fraction = total > 0 ? Double(shown) / Double(total) : 0
    let filled = min(barWidth, Int(fraction * Double(barWidth)))
    let bar =
      String(repeating: "#", count: filled) + String(repeating: "-", count: barWidth - filled)
    let rate = elapsed > 0 ? Double(shown) / elapsed : 0
    var text = "[\(bar)] \(grouped(shown)) / \(grouped(total)) learners"
    if rate >= 1 {
      text += "  \(grouped(Int(rate)))/s"
      let left = Double(max(0, total - shown)) / rate
      text += "  \(duration(left)) left"
    }
    return text
  }

  /// `1234567` as `1,234,567`.
  static func grouped(_ value: Int) -> String {
    let digits = Array(String(value))
    var text = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { text.append(",") }
      text.append(digit)
    }
    return text
  }

  /// Seconds as `m:ss`, or `h:mm:ss` from an hour.
  static func duration(_ seconds: Double) -> String {
    let whole = Int(seconds.rounded(.up))
    let (hours, minutes, rest) = (whole / 3600, whole / 60 % 60, whole % 60)
    let twoDigits = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
    return hours > 0
      ? "\(hours):\(twoDigits(minutes)):\(twoDigits(rest))" : "\(minutes):\(twoDigits(rest))"
  }

  /// Writes to standard error, unbuffered.
  static func drawOnStandardError(_ text: String) {
    Terminal.writeError(text)
  }

  /// Seconds on a clock that never jumps.
  static func monotonicSeconds() -> Double {
    Double(DispatchTime.now().uptimeNanoseconds) / 1e9
  }
}
