import Testing

@testable import CredenceValues

@Suite("Grade scales")
struct GradeScaleTests {
  static let names = ["F", "D", "C-", "C", "C+", "B-", "B", "B+", "A-", "A", "A+"]

  static func letter() throws -> GradeScale {
    try GradeScale(
      name: "letter", grades: names.map { GradeScale.Grade($0) }, aliases: ["Pass": "C"])
  }

  @Test("ranks follow the declared order, lowest first, and aliases rank as their grade")
  func ranks() throws {
    let scale = try Self.letter()
    for (index, name) in Self.names.enumerated() {
      #expect(scale.rank(of: name) == index)
      #expect(scale.grade(atRank: index)?.name == name)
    }
    #expect(scale.rank(of: "Pass") == scale.rank(of: "C"))
    #expect(scale.grade(named: "Pass")?.name == "C")
    #expect(scale.compare("B-", "C") == .greater)
    #expect(scale.compare("Pass", "C") == .equal)
    #expect(scale.compare("Pass", "B-") == .less)
    #expect(scale.compare("A+", "Z") == nil)
    #expect(scale.rank(of: "b+") == nil)
    #expect(scale.rank(of: "B+ ") == nil)
    #expect(scale.contains("Pass") && !scale.contains("Merit"))
    #expect(scale.grade(atRank: 11) == nil && scale.grade(atRank: -1) == nil)
  }

  @Test("grade points are looked up through aliases")
  func points() throws {
    let scale = try GradeScale(
      name: "nus",
      grades: [
        .init("F", points: dec("0")), .init("C", points: dec("2.0")),
        .init("B", points: dec("3.5")), .init("A", points: dec("5.0")), .init("CS"),
      ],
      aliases: ["Pass": "C"])
    #expect(scale.points(of: "A") == dec("5"))
    #expect(scale.points(of: "Pass") == dec("2.0"))
    #expect(scale.points(of: "CS") == nil)
    #expect(scale.points(of: "Z") == nil)
  }

  @Test("a malformed scale says what is wrong")
  func problems() {
    #expect(throws: GradeScale.Problem.noGrades) { try GradeScale(name: "s", grades: []) }
    #expect(throws: GradeScale.Problem.duplicateGrade("B")) {
      try GradeScale(name: "s", grades: [.init("B"), .init("A"), .init("B")])
    }
    #expect(throws: GradeScale.Problem.aliasIsAGrade("A")) {
      try GradeScale(name: "s", grades: [.init("B"), .init("A")], aliases: ["A": "B"])
    }
    #expect(throws: GradeScale.Problem.unknownAliasTarget(alias: "Pass", target: "C")) {
      try GradeScale(name: "s", grades: [.init("B"), .init("A")], aliases: ["Pass": "C"])
    }
    // An alias must name a grade, not another alias.
    #expect(throws: GradeScale.Problem.unknownAliasTarget(alias: "P", target: "Pass")) {
      try GradeScale(name: "s", grades: [.init("B")], aliases: ["Pass": "B", "P": "Pass"])
    }
    #expect(
      GradeScale.Problem.unknownAliasTarget(alias: "Pass", target: "C").description
        == "alias `Pass` names `C`, which is not a grade of the scale")
  }
}
