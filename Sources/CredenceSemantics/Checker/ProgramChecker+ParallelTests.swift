import CredenceSyntax
import Dispatch

/// Checking tests on several cores.
///
/// Tests are the bulk of a policy file, and they are leaves: nothing depends on a test, and
/// by the time they are checked every let and fund has been checked, so checking a test only
/// reads the checker's tables and adds to what it found (diagnostics, uses, a few "once"
/// sets). Each chunk of consecutive tests is checked by a fork of the checker of its own;
/// the forks' findings are then appended in test order, which is what checking them one
/// after another would have found, unless two forks made a choice that depends on what an
/// earlier test did. Those cases are detected and then the tests are checked again one
/// after another, so the result never depends on how the threads were scheduled.
extension ProgramChecker {
  /// The number of tests from which they are checked on several cores: below it, starting
  /// threads costs more than it saves (the policy library has ~180 tests).
  static let defaultParallelTestThreshold = 64

  /// The number of chunks the tests are cut into: more than the cores, so that a core that
  /// finishes early takes another chunk.
  static let parallelTestChunks = 8

  /// Every test, checked; on several cores when there are at least
  /// `parallelTestThreshold` tests.
  func checkTests() -> [CheckedTest] {
    guard testDecls.count >= max(parallelTestThreshold, 2), allBodiesChecked else {
      return testDecls.indices.map { checkTest($0) }
    }
    let chunkCount = min(Self.parallelTestChunks, testDecls.count)
    let bounds = (0...chunkCount).map { $0 * testDecls.count / chunkCount }
    let forks = TestForks((0..<chunkCount).map { _ in ProgramChecker(forking: self) })
    DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
      forks.check(chunk, bounds[chunk]..<bounds[chunk + 1])
    }
    guard let tests = merge(forks.checkers) else {
      return testDecls.indices.map { checkTest($0) }
    }
    return tests
  }

  /// Whether every let and fund has been checked, so that checking a test never checks one
  /// on demand (which would make the forks' tables differ).
  private var allBodiesChecked: Bool {
    !letStates.contains { $0 != .done } && !fundStates.contains { $0 != .done }
  }

  /// The forks' findings added to this checker's, in test order; nil (and nothing added)
  /// when the order of checking could have mattered:
  /// - more did-you-mean searches than `CheckerLimits.maximumSuggestions` allows in all
  ///   (which tests got a suggestion would depend on which ran first);
  /// - the same once-only warning given by two forks (an ambiguous award grade in a file
  ///   whose tests are in two chunks; a field shadowing a name at the same span);
  /// - a fork that checked a let or fund on demand, or recorded a dependency edge.
  private func merge(_ forks: [ProgramChecker]) -> [CheckedTest]? {
    var searches = suggestionsSearched
    var ambiguous = ambiguousGradeFiles
    var shadows = shadowWarnings
    for fork in forks {
      searches += fork.suggestionsSearched - suggestionsSearched
      let newAmbiguous = fork.ambiguousGradeFiles.subtracting(ambiguousGradeFiles)
      let newShadows = fork.shadowWarnings.subtracting(shadowWarnings)
      guard ambiguous.isDisjoint(with: newAmbiguous), shadows.isDisjoint(with: newShadows),
        fork.inferenceCutoffs.isEmpty, fork.edges.isEmpty, fork.readsEvaluationDate.isEmpty
      else { return nil }
      ambiguous.formUnion(newAmbiguous)
      shadows.formUnion(newShadows)
    }
    guard searches <= CheckerLimits.maximumSuggestions else { return nil }
    var tests: [CheckedTest] = []
    tests.reserveCapacity(testDecls.count)
    for fork in forks {
      tests.append(contentsOf: fork.tests)
      diagnostics.append(contentsOf: fork.diagnostics)
      used.formUnion(fork.used)
      uses.append(fork.uses)
      testUses.merge(fork.testUses) { $0.union($1) }
      testsReadingDate.formUnion(fork.testsReadingDate)
    }
    suggestionsSearched = searches
    ambiguousGradeFiles = ambiguous
    shadowWarnings = shadows
    return tests
  }
}

/// The forks of a checker, one per chunk of tests.
///
/// `@unchecked Sendable` because `ProgramChecker` is a class with mutable state; it is safe
/// because each fork is used by exactly one iteration of `concurrentPerform` (iteration `i`
/// touches `checkers[i]` only), the array itself is never mutated, and the forks are read
/// only after `concurrentPerform` has returned. What the forks share with each other and
/// with their parent are copy-on-write arrays, sets and dictionaries of immutable values
/// (syntax trees, tables), which are only read while the forks run: a fork writing to its
/// own copy copies the storage first, and reference counts are atomic.
private final class TestForks: @unchecked Sendable {
  let checkers: [ProgramChecker]

  init(_ checkers: [ProgramChecker]) { self.checkers = checkers }

  func check(_ chunk: Int, _ tests: Range<Int>) {
    let checker = checkers[chunk]
    checker.tests = tests.map { checker.checkTest($0) }
  }
}
