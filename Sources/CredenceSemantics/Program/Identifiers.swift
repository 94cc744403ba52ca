/// A typed index into one of the checked program's tables (`CheckedProgram.lets[id.index]`).
///
/// The phantom `Entity` keeps a `LetID` from being used where a `ParamID` is meant, at no
/// run-time cost: an identifier is one `Int`.
public struct EntityID<Entity>: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The position in the program's table of that kind.
  public let index: Int

  /// Wraps a table position.
  public init(_ index: Int) { self.index = index }

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.index < rhs.index }

  public var description: String { "#\(index)" }
}

/// A grade scale: `CheckedProgram.scales[id.index]`.
public typealias ScaleID = EntityID<CheckedScale>
/// A param: `CheckedProgram.params[id.index]`.
public typealias ParamID = EntityID<CheckedParam>
/// A declared fact: `CheckedProgram.facts[id.index]`.
public typealias FactID = EntityID<CheckedFact>
/// A `let`: `CheckedProgram.lets[id.index]`.
public typealias LetID = EntityID<CheckedLet>
/// A stack: `CheckedProgram.stacks[id.index]`.
public typealias StackID = EntityID<CheckedStack>
/// A fund: `CheckedProgram.funds[id.index]`.
public typealias FundID = EntityID<CheckedFund>
/// An equivalence: `CheckedProgram.equivalences[id.index]`.
public typealias EquivalenceID = EntityID<CheckedEquivalence>
/// A policy (one file and its header): `CheckedProgram.policies[id.index]`.
public typealias PolicyID = EntityID<CheckedPolicy>
/// A test: `CheckedProgram.tests[id.index]`.
public typealias TestID = EntityID<CheckedTest>

/// A local variable of one frame: a let's parameter, a fund's enrolment, the element of a
/// `where`, an example column. Frames are flat arrays of `localCount` values; the slot is
/// the index. Slots are never reused within a frame, so nested scopes never collide.
public struct LocalSlot: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The index into the frame's locals.
  public let index: Int

  /// Wraps a frame index.
  public init(_ index: Int) { self.index = index }

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.index < rhs.index }

  public var description: String { "$\(index)" }
}

/// Something whose value other definitions use, and which can therefore take part in a
/// dependency cycle: params, lets and the three kinds of decision.
public enum DefinitionID: Hashable, Sendable, Comparable {
  case param(ParamID)
  case `let`(LetID)
  case stack(StackID)
  case fund(FundID)
  case equivalence(EquivalenceID)

  private var sortKey: (Int, Int) {
    switch self {
    case .param(let id): (0, id.index)
    case .let(let id): (1, id.index)
    case .stack(let id): (2, id.index)
    case .fund(let id): (3, id.index)
    case .equivalence(let id): (4, id.index)
    }
  }

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.sortKey < rhs.sortKey }

  /// The decision this definition is, if it is one.
  public var decision: DecisionID? {
    switch self {
    case .stack(let id): .stack(id)
    case .fund(let id): .fund(id)
    case .equivalence(let id): .equivalence(id)
    case .param, .let: nil
    }
  }
}

/// A decision: what `credence eval` reports on, and what `is eligible` and friends ask about.
public enum DecisionID: Hashable, Sendable, Comparable {
  case stack(StackID)
  case fund(FundID)
  case equivalence(EquivalenceID)

  /// The same decision as a definition.
  public var definition: DefinitionID {
    switch self {
    case .stack(let id): .stack(id)
    case .fund(let id): .fund(id)
    case .equivalence(let id): .equivalence(id)
    }
  }

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.definition < rhs.definition }
}

/// What a name declared at the top level of a program stands for.
public enum Symbol: Hashable, Sendable {
  case scale(ScaleID)
  case param(ParamID)
  case fact(FactID)
  case `let`(LetID)
  case stack(StackID)
  case fund(FundID)
  case equivalence(EquivalenceID)

  /// The definition, for symbols that can take part in cycles.
  public var definition: DefinitionID? {
    switch self {
    case .param(let id): .param(id)
    case .let(let id): .let(id)
    case .stack(let id): .stack(id)
    case .fund(let id): .fund(id)
    case .equivalence(let id): .equivalence(id)
    case .scale, .fact: nil
    }
  }

  /// How the kind of declaration is named in messages.
  public var kindName: String {
    switch self {
    case .scale: "scale"
    case .param: "param"
    case .fact: "fact"
    case .let: "let"
    case .stack: "stack"
    case .fund: "fund"
    case .equivalence: "equivalence"
    }
  }
}
