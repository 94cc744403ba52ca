import CredenceValues

/// One run-time value: what an expression evaluates to.
///
/// Unboxed where it matters: numbers, money, dates and record references are stored inline,
/// so evaluating a condition allocates nothing. A record is a reference into the learner
/// being evaluated (``RecordRef``), never a copy. `unknown` is a value of every type; the
/// checker has already decided which operation applies, so the evaluator never asks a value
/// what it is beyond unpacking the case it expects.
public enum Value: Sendable, Hashable {
  case unknown
  case bool(Bool)
  case number(ExactDecimal)
  /// The number written before `%`: `90%` is `.percent(90)`.
  case percent(ExactDecimal)
  case money(Money)
  case text(String)
  case date(CivilDate)
  /// Boxed: durations are rare at run time (most are constants folded into date arithmetic).
  case duration(DurationBox)
  case grade(GradeValue)
  case list(ValueList)
  case record(RecordRef)
  case decision(DecisionOutcome)

  /// Whether the value is `unknown`.
  @inlinable public var isUnknown: Bool {
    if case .unknown = self { return true }
    return false
  }

  /// The truth value of a Bool (unknown for anything else).
  @inlinable public var truth: Truth {
    if case .bool(let value) = self { return value ? .true : .false }
    return .unknown
  }

  /// A Bool value from a truth value.
  @inlinable public init(_ truth: Truth) {
    switch truth {
    case .true: self = .bool(true)
    case .false: self = .bool(false)
    case .unknown: self = .unknown
    }
  }
}

/// A boxed calendar duration (see ``Value/duration(_:)``).
public final class DurationBox: Sendable, Hashable {
  public let duration: CalendarDuration

  public init(_ duration: CalendarDuration) { self.duration = duration }

  public static func == (left: DurationBox, right: DurationBox) -> Bool {
    left.duration == right.duration
  }

  public func hash(into hasher: inout Hasher) { hasher.combine(duration) }
}

/// A grade: its scale, its rank on it (`nil` for a mark not on the scale) and the mark as
/// issued.
public struct GradeValue: Sendable, Hashable {
  /// The scale's index in the program.
  public var scale: Int32
  /// The rank, 0 for the lowest grade; `-1` when the mark is not on the scale (its place is
  /// unknown, its mark is known).
  public var rank: Int32
  /// The mark exactly as issued.
  public var mark: String

  public init(scale: Int, rank: Int?, mark: String) {
    self.scale = Int32(truncatingIfNeeded: scale)
    self.rank = Int32(truncatingIfNeeded: rank ?? -1)
    self.mark = mark
  }

  /// Whether the mark has a place on the scale.
  @inlinable public var isRanked: Bool { rank >= 0 }
}

/// A list value. Elements whose membership is uncertain (their `where` condition was
/// unknown) are marked: aggregates over them are unknown, `any`/`all` follow Kleene, and
/// stacks and equivalences use them only where they cannot change the answer.
public struct ValueList: Sendable, Hashable {
  public var elements: [Value]
  /// `nil` when every element is certainly in the list; otherwise one flag per element.
  public var uncertain: [Bool]?

  public init(_ elements: [Value], uncertain: [Bool]? = nil) {
    self.elements = elements
    self.uncertain = uncertain.flatMap { $0.contains(true) ? $0 : nil }
  }

  public static let empty = ValueList([])

  @inlinable public var count: Int { elements.count }

  /// Whether element `index` is only possibly in the list.
  @inlinable public func isUncertain(_ index: Int) -> Bool {
    uncertain?[index] ?? false
  }

  /// Whether some element is only possibly in the list.
  @inlinable public var hasUncertain: Bool { uncertain != nil }
}

/// A record of the learner being evaluated, by position in its lists (the machine's ``Learner``).
public enum RecordRef: Sendable, Hashable {
  case learner
  case award(Int32)
  /// The catalogue entry of an award.
  case awardCredential(Int32)
  case enrolment(Int32)
  /// The catalogue entry of an enrolment's course.
  case enrolmentCredential(Int32)
  case ledger(Int32)
}
