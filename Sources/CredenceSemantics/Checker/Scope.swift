import CredenceSyntax

/// The locals of one body being checked (a let, a decision, a test): slots are handed out
/// in order and never reused, so the evaluator can allocate one flat array per frame.
final class Frame {
  private(set) var count = 0
  /// Slots read at least once (for unused-parameter and unused-column warnings).
  private(set) var used: Set<LocalSlot> = []

  func allocate() -> LocalSlot {
    defer { count += 1 }
    return LocalSlot(count)
  }

  func markUsed(_ slot: LocalSlot) { used.insert(slot) }
}

/// A name bound in a body.
struct Local {
  enum Role {
    /// A let parameter.
    case parameter
    /// `per enrolment e`.
    case enrolment
    /// An example column.
    case column
    /// `rate` inside a fund with a rate clause.
    case rate
    /// `rate` inside the fund's own rate clause: an error to use.
    case rateItself
  }

  var name: String
  var slot: LocalSlot
  var type: ValueType
  var span: Span
  var role: Role
}

/// One entry of the scope chain, innermost last.
enum ScopeEntry {
  case local(Local)
  /// The element of a `where`, `distinct` or per-element aggregate argument: its fields are
  /// in scope by name, and it is `it`.
  case element(slot: LocalSlot, type: ValueType)
}

/// How award grades read in a file.
enum AwardGrades {
  case scale(ScaleID)
  /// The file declares no scale and names none: grades are their marks, as text.
  case text
  /// The file declares several scales and names none with `grades`.
  case ambiguous
  /// The header's `grades` names no scale (already reported).
  case broken
}

/// Everything an expression is checked against.
struct Context {
  /// The file the expression is in (award grades, messages).
  var file: FileID
  /// Its policy.
  var policy: PolicyID
  /// The frame locals are allocated in.
  var frame: Frame
  /// Locals and elements in scope, innermost last.
  var scope: [ScopeEntry] = []
  /// The definition being checked, for dependency edges; nil in tests.
  var owner: DefinitionID?
  /// The test being checked (its index), for the "depends on today" warning.
  var test: Int?
  /// Inside a param's values: only literals and other params may be used.
  var isParamValue = false

  init(file: FileID, policy: PolicyID, frame: Frame = Frame(), owner: DefinitionID?) {
    self.file = file
    self.policy = policy
    self.frame = frame
    self.owner = owner
  }

  /// The same context with one more scope entry.
  func with(_ entry: ScopeEntry) -> Context {
    var copy = self
    copy.scope.append(entry)
    return copy
  }

  /// The same context with the element of a list bound to a new slot.
  func withElement(_ type: ValueType) -> (Context, LocalSlot) {
    let slot = frame.allocate()
    return (with(.element(slot: slot, type: type)), slot)
  }

  /// The innermost element, for `it`.
  var innermostElement: (slot: LocalSlot, type: ValueType)? {
    for entry in scope.reversed() {
      if case .element(let slot, let type) = entry { return (slot, type) }
    }
    return nil
  }
}
