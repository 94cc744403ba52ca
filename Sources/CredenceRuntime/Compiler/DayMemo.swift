import CredenceValues
import Synchronization

/// The result of one `as_of ± duration` for the last evaluation date it was computed on,
/// shared by the threads evaluating one compiled program: both days in one atomic word, so a
/// thread reads either nothing or a consistent pair.
final class DayMemo: Sendable {
  /// The evaluation day in the high half, the result in the low half; `UInt64.max` when
  /// empty (no valid pair of days has every bit set).
  private let pair = Atomic<UInt64>(.max)

  /// The result kept for `asOf`, if any.
  @inline(__always) func day(from asOf: CredenceValues.CivilDate) -> CredenceValues.CivilDate? {
    let word = pair.load(ordering: .relaxed)
    guard word != .max, Int32(truncatingIfNeeded: word >> 32) == asOf.dayNumber else {
      return nil
    }
    return CredenceValues.CivilDate(dayNumber: Int(Int32(truncatingIfNeeded: word)))
  }

  /// Keeps `day` as the result for `asOf`.
  func keep(_ day: CredenceValues.CivilDate, from asOf: CredenceValues.CivilDate) {
    let word =
      UInt64(UInt32(bitPattern: asOf.dayNumber)) << 32 | UInt64(UInt32(bitPattern: day.dayNumber))
    pair.store(word, ordering: .relaxed)
  }
}
