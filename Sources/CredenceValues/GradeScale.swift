/// An ordered list of grade names, lowest first, with optional grade points and aliases.
///
/// `scale letter: "F" < "D" < "C" < "B" < "A" where "Pass" = "C"` is
/// `GradeScale(name: "letter", grades: [...], aliases: ["Pass": "C"])`. Grade names are
/// case-sensitive, as issued. An alias ranks as its grade, so `"Pass" >= "C"` holds.
public struct GradeScale: Sendable, Hashable {
  /// One grade on a scale.
  public struct Grade: Sendable, Hashable {
    /// The name as written, e.g. `B+`.
    public let name: String
    /// Grade points, if the scale declares them (`"A" points 5.0`).
    public let points: ExactDecimal?

    public init(_ name: String, points: ExactDecimal? = nil) {
      self.name = name
      self.points = points
    }
  }

  /// Why a scale declaration is not a scale. The checker reports these with locations.
  public enum Problem: Error, Sendable, Hashable, CustomStringConvertible {
    /// A scale needs at least one grade.
    case noGrades
    /// The same grade name appears twice.
    case duplicateGrade(String)
    /// An alias has the name of a grade.
    case aliasIsAGrade(String)
    /// An alias names something that is not a grade of the scale.
    case unknownAliasTarget(alias: String, target: String)

    public var description: String {
      switch self {
      case .noGrades: "a scale needs at least one grade"
      case .duplicateGrade(let name): "grade `\(name)` appears twice in the scale"
      case .aliasIsAGrade(let name): "`\(name)` is already a grade of the scale"
      case .unknownAliasTarget(let alias, let target):
        "alias `\(alias)` names `\(target)`, which is not a grade of the scale"
      }
    }
  }

  /// The scale's name (`letter`).
  public let name: String
  /// The grades, lowest first.
  public let grades: [Grade]
  /// Alias → the grade it stands for (`Pass` → `C`).
  public let aliases: [String: String]
  /// Grade or alias name → rank, computed once so that lookups are one hash.
  let ranks: [String: Int]

  /// Validates and builds a scale: grade names distinct, aliases distinct from grades, and
  /// every alias naming a grade (not another alias).
  public init(name: String, grades: [Grade], aliases: [String: String] = [:])
    throws(Problem)
  {
    guard !grades.isEmpty else { throw .noGrades }
    var ranks: [String: Int] = [:]
    for (rank, grade) in grades.enumerated() {
      guard ranks.updateValue(rank, forKey: grade.name) == nil else {
        throw .duplicateGrade(grade.name)
      }
    }
    var withAliases = ranks
    // Sorted so that the first problem reported does not depend on dictionary order.
    for (alias, target) in aliases.sorted(by: { $0.key < $1.key }) {
      guard ranks[alias] == nil else { throw .aliasIsAGrade(alias) }
      guard let rank = ranks[target] else {
        throw .unknownAliasTarget(alias: alias, target: target)
      }
      withAliases[alias] = rank
    }
    self.name = name
    self.grades = grades
    self.aliases = aliases
    self.ranks = withAliases
  }

  /// The rank of a grade or alias, 0 for the lowest grade; `nil` if not on the scale.
  public func rank(of name: String) -> Int? { ranks[name] }

  /// Whether `name` is a grade or alias of this scale.
  public func contains(_ name: String) -> Bool { ranks[name] != nil }

  /// The grade a name stands for (an alias resolves to its grade); `nil` if not on the scale.
  public func grade(named name: String) -> Grade? {
    guard let rank = ranks[name] else { return nil }
    return grades[rank]
  }

  /// The grade at a rank, or `nil` out of range.
  public func grade(atRank rank: Int) -> Grade? {
    grades.indices.contains(rank) ? grades[rank] : nil
  }

  /// Grade points of a grade or alias; `nil` if the name is not on the scale or the scale
  /// declares no points for it.
  public func points(of name: String) -> ExactDecimal? {
    grade(named: name)?.points
  }

  /// Orders two grades by rank; `nil` if either is not on the scale.
  public func compare(_ left: String, _ right: String) -> ValueOrder? {
    guard let leftRank = ranks[left], let rightRank = ranks[right] else { return nil }
    return leftRank < rightRank ? .less : (leftRank == rightRank ? .equal : .greater)
  }
}
