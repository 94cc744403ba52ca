import CredenceRuntime
import CredenceSyntax

/// How `credence test` prints its results.
public enum PolicyTestFormat: String, Sendable, CaseIterable {
  /// One block per failing test, then `N passed, M failed`.
  case human
  /// One JSON object: every test with its status, failures and explanations, and the counts.
  case json
  /// JUnit XML, as continuous-integration systems read it: a test suite per file, a test
  /// case per test or example row.
  case junit
}

/// Renders a test run in a format. Every format carries the same facts.
public enum PolicyTestReport {
  public static func render(_ run: PolicyTestRun, format: PolicyTestFormat) -> String {
    switch format {
    case .human: human(run)
    case .json: json(run)
    case .junit: junit(run)
    }
  }

  // MARK: Human

  /// A failing test: its place and name on one line, then each expectation that failed
  /// with what was found and the explanations of the decisions it reads, indented.
  ///
  /// ```
  /// policies/funding/sfc.credence:148:3: FAIL opening credit: 25 by year of birth
  ///   expected `sfc_opening is eligible` (line 151)
  ///   actual:  false: it is ineligible
  ///     ✗ SkillsFuture Credit: opening credit: ineligible
  /// ```
  static func human(_ run: PolicyTestRun) -> String {
    var text = ""
    for result in run.results where !result.passed {
      text += human(result) + "\n"
    }
    if let coverage = run.coverage { text += human(coverage) }
    return text + run.summary + "\n"
  }

  /// The coverage count, then a line per rule no test exercised.
  public static func human(_ coverage: CoverageReport) -> String {
    var text = coverage.summary + "\n"
    for gap in coverage.gaps { text += gap.line + "\n" }
    return text
  }

  static func human(_ result: PolicyTestResult) -> String {
    // A row is found by its line; a test by the first expectation that failed.
    let place =
      result.row == nil ? (result.failures.first?.location ?? result.location) : result.location
    var lines = ["\(result.path):\(place.line):\(place.column): FAIL \(result.name)"]
    // A decision read by several expectations is explained once, under the first.
    var explained: Set<Explanation> = []
    for failure in result.failures {
      lines.append("  expected `\(failure.expectation)` (line \(failure.location.line))")
      lines.append("  actual:  \(failure.actual)")
      for explanation in failure.explanations where explained.insert(explanation).inserted {
        lines += explanation.lines(indent: 4)
      }
    }
    return lines.joined(separator: "\n")
  }

  // MARK: JSON

  /// `{"tests":[…],"passed":N,"failed":M}`, a test per line.
  static func json(_ run: PolicyTestRun) -> String {
    var text = "{\"tests\":["
    for (index, result) in run.results.enumerated() {
      text += (index == 0 ? "\n" : ",\n") + json(result)
    }
    text += run.results.isEmpty ? "]" : "\n]"
    text += ",\"passed\":\(run.passed),\"failed\":\(run.failed)"
    if let coverage = run.coverage {
      text += ",\"coverage\":{\"rules\":\(coverage.rules),\"exercised\":\(coverage.exercised)"
      text += ",\"unexercised\":["
      for (index, gap) in coverage.gaps.enumerated() {
        text += (index == 0 ? "\n" : ",\n") + "{\"file\":\(ResultWriter.json(gap.path))"
        text += ",\"line\":\(gap.location.line),\"column\":\(gap.location.column)"
        text += ",\"kind\":\(ResultWriter.json(gap.item.kind.rawValue))"
        text += ",\"owner\":\(ResultWriter.json(gap.item.owner))"
        text += ",\"rule\":\(ResultWriter.json(gap.item.text))"
        text += ",\"gap\":\(ResultWriter.json(gap.item.gap ?? ""))}"
      }
      text += coverage.gaps.isEmpty ? "]}" : "\n]}"
    }
    return text + "}\n"
  }

  static func json(_ result: PolicyTestResult) -> String {
    var text = "{\"file\":\(ResultWriter.json(result.path))"
    text += ",\"line\":\(result.location.line),\"column\":\(result.location.column)"
    text += ",\"description\":\(ResultWriter.json(result.description))"
    text += ",\"row\":" + (result.row.map(String.init) ?? "null")
    text += ",\"status\":\(result.passed ? "\"passed\"" : "\"failed\"")"
    if !result.passed {
      let failures = result.failures.map { failure in
        "{\"line\":\(failure.location.line),\"column\":\(failure.location.column)"
          + ",\"expected\":\(ResultWriter.json(failure.expectation))"
          + ",\"actual\":\(ResultWriter.json(failure.actual))"
          + ",\"explanations\":["
          + failure.explanations.map(ResultWriter.json).joined(separator: ",") + "]}"
      }
      text += ",\"failures\":[" + failures.joined(separator: ",") + "]"
    }
    return text + "}"
  }

  // MARK: JUnit

  /// JUnit XML: `<testsuites>` with a `<testsuite>` per file (in run order), a `<testcase>`
  /// per test or row, and a `<failure>` whose message is the first expectation that failed
  /// and whose text is the whole human report of the test.
  static func junit(_ run: PolicyTestRun) -> String {
    var files: [String] = []
    var byFile: [String: [PolicyTestResult]] = [:]
    for result in run.results {
      if byFile[result.path] == nil { files.append(result.path) }
      byFile[result.path, default: []].append(result)
    }
    var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    text += "<testsuites name=\"credence test\" tests=\"\(run.results.count)\""
    text += " failures=\"\(run.failed)\" errors=\"0\" skipped=\"0\">\n"
    for file in files {
      let results = byFile[file] ?? []
      let failed = results.count { !$0.passed }
      text += "  <testsuite name=\(xml(file)) tests=\"\(results.count)\" failures=\"\(failed)\""
      text += " errors=\"0\" skipped=\"0\">\n"
      for result in results {
        text += "    <testcase name=\(xml(result.name)) classname=\(xml(className(file)))"
        text += " file=\(xml(file)) line=\"\(result.location.line)\""
        guard let first = result.failures.first else {
          text += "/>\n"
          continue
        }
        text += ">\n"
        let message = "expected `\(first.expectation)`; actual: \(first.actual)"
        text += "      <failure message=\(xml(message)) type=\"expectation\">"
        text += escaped(human(result)) + "</failure>\n"
        text += "    </testcase>\n"
      }
      text += "  </testsuite>\n"
    }
    return text + "</testsuites>\n"
  }

  /// `policies/funding/sfc.credence` → `policies.funding.sfc`, as JUnit readers group classes.
  static func className(_ path: String) -> String {
    let stem = path.hasSuffix(".credence") ? String(path.dropLast(".credence".count)) : path
    return stem.split(separator: "/").joined(separator: ".")
  }

  /// A quoted XML attribute value.
  static func xml(_ text: String) -> String { "\"" + escaped(text) + "\"" }

  /// Text safe in XML 1.0 content and attributes: markup characters as entities, characters
  /// XML cannot hold (control characters other than tab and line breaks) as U+FFFD.
  static func escaped(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&apos;"
      case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
      default:
        let value = scalar.value
        let allowed = value >= 0x20 && value != 0xFFFE && value != 0xFFFF
        result.unicodeScalars.append(allowed ? scalar : "\u{FFFD}")
      }
    }
    return result
  }
}
