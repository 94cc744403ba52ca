import CredenceSyntax
import Dispatch

/// Checking lets and funds on several cores, in waves.
///
/// A let or fund whose body mentions only lets and funds already checked needs nothing
/// else: its type, its diagnostics and its uses come from its own body. So the lets and
/// funds outside any cycle of mentions are put in waves (wave 0 mentions none, wave n
/// mentions some of wave n - 1 and earlier), and a large wave is checked by forks of the
/// checker, as tests are (`ProgramChecker+ParallelTests.swift`), their findings merged in
/// wave order. Each let is checked with exactly the same tables as one after another in the
/// approximate order (its mentions are done either way), diagnostics are sorted stably by
/// position afterwards, and a body's diagnostics point into that body, so the outcome is
/// the same. What the waves leave (cycles, and what mentions them) is checked in the
/// approximate order as before. When a fork did something whose outcome depends on the
/// order (checked a let or fund on demand, reported the ambiguous award grades of a file,
/// ran the did-you-mean budget out), that wave's forks are dropped and everything left is
/// checked one after another.
extension ProgramChecker {
  /// The size of a wave from which it is checked on several cores: below it, forking costs
  /// more than it saves (the policy library's largest wave has ~60 lets and funds).
  static let defaultParallelBodyThreshold = 32

  /// Checks the lets and funds of `order` that are outside cycles of `mentions`, in waves,
  /// when a wave is large enough to be worth several cores; otherwise checks nothing.
  func checkInWaves(_ order: [DefinitionID], mentions: [DefinitionID: [DefinitionID]]) {
    let threshold = max(parallelBodyThreshold, 2)
    let waves = Self.waves(order, mentions: mentions)
    guard waves.contains(where: { $0.count >= threshold }) else { return }
    for wave in waves {
      if wave.count >= threshold {
        guard checkInParallel(wave) else { return }
      } else {
        for definition in wave { checkBody(definition) }
      }
    }
  }

  /// The lets and funds of `order` by wave: each after everything it mentions; those in or
  /// after a cycle (a mention not yet placed when met in `order`) are left out.
  static func waves(_ order: [DefinitionID], mentions: [DefinitionID: [DefinitionID]])
    -> [[DefinitionID]]
  {
    var level: [DefinitionID: Int] = [:]
    var waves: [[DefinitionID]] = []
    nodes: for node in order {
      var wave = 0
      for mention in mentions[node] ?? [] {
        guard let placed = level[mention] else { continue nodes }
        wave = max(wave, placed + 1)
      }
      level[node] = wave
      if wave == waves.count { waves.append([]) }
      waves[wave].append(node)
    }
    return waves
  }

  /// Checks one let or fund if it is still pending.
  func checkBody(_ definition: DefinitionID) {
    switch definition {
    case .let(let id): if letStates[id.index] == .pending { checkLet(id) }
    case .fund(let id): ensureFundChecked(id)
    default: break
    }
  }

  /// Checks `wave` on several cores and merges the findings; false (and nothing merged)
  /// when the order of checking could have mattered.
  private func checkInParallel(_ wave: [DefinitionID]) -> Bool {
    let chunkCount = min(Self.parallelTestChunks, wave.count)
    let bounds = (0...chunkCount).map { $0 * wave.count / chunkCount }
    let chunks = (0..<chunkCount).map { Array(wave[bounds[$0]..<bounds[$0 + 1]]) }
    let forks = BodyForks(chunks.map { _ in ProgramChecker(forking: self) }, chunks)
    DispatchQueue.concurrentPerform(iterations: chunkCount) { forks.check($0) }
    return mergeBodies(forks.checkers, chunks)
  }

  private func mergeBodies(_ forks: [ProgramChecker], _ chunks: [[DefinitionID]]) -> Bool {
    let lets = letStates.count { $0 == .done }
    let funds = fundStates.count { $0 == .done }
    var searches = suggestionsSearched
    var shadows = shadowWarnings
    for (fork, chunk) in zip(forks, chunks) {
      let ownLets = chunk.count { if case .let = $0 { true } else { false } }
      let newShadows = fork.shadowWarnings.subtracting(shadowWarnings)
      guard fork.letStates.count(where: { $0 == .done }) == lets + ownLets,
        fork.fundStates.count(where: { $0 == .done }) == funds + chunk.count - ownLets,
        fork.ambiguousGradeFiles == ambiguousGradeFiles, shadows.isDisjoint(with: newShadows),
        fork.inferenceCutoffs.isEmpty, fork.testUses.isEmpty, fork.testsReadingDate.isEmpty,
        fork.edges.keys.allSatisfy({ chunk.contains($0) })
      else { return false }
      searches += fork.suggestionsSearched - suggestionsSearched
      shadows.formUnion(newShadows)
    }
    guard searches <= CheckerLimits.maximumSuggestions else { return false }
    for (fork, chunk) in zip(forks, chunks) {
      for definition in chunk {
        switch definition {
        case .let(let id):
          self.lets[id.index] = fork.lets[id.index]
          letStates[id.index] = .done
        case .fund(let id):
          self.funds[id.index] = fork.funds[id.index]
          fundStates[id.index] = .done
        default: break
        }
      }
      diagnostics.append(contentsOf: fork.diagnostics)
      used.formUnion(fork.used)
      uses.append(fork.uses)
      // Each owner's edges come from its own body, checked once: the forks' `edgeSet`s,
      // which only keep an owner from recording an edge twice, are not needed any more.
      edges.merge(fork.edges) { $0 + $1 }
      readsEvaluationDate.formUnion(fork.readsEvaluationDate)
    }
    suggestionsSearched = searches
    shadowWarnings = shadows
    return true
  }
}

/// The forks checking one wave, one per chunk of it.
///
/// `@unchecked Sendable` for the reasons given at `TestForks`: iteration `i` of
/// `concurrentPerform` touches `checkers[i]` only, nothing here is mutated while they run,
/// and what the forks share are copy-on-write values they only read.
private final class BodyForks: @unchecked Sendable {
  let checkers: [ProgramChecker]
  let chunks: [[DefinitionID]]

  init(_ checkers: [ProgramChecker], _ chunks: [[DefinitionID]]) {
    self.checkers = checkers
    self.chunks = chunks
  }

  func check(_ chunk: Int) {
    for definition in chunks[chunk] { checkers[chunk].checkBody(definition) }
  }
}
