// A program of another package that uses Credence through its facade only
// (.ci/package-check builds it in release against this checkout).
import Credence
import Foundation

let paths = Array(CommandLine.arguments.dropFirst())
do {
  let result = try FrontEnd.check(paths: paths)
  print("\(result.sources.files.count) files, \(result.errorCount) errors")
  if result.hasErrors { exit(1) }
} catch {
  print("error: \(error.message)")
  exit(1)
}
