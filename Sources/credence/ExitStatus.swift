import ArgumentParser

/// Process exit statuses, following sysexits(3) so scripts can tell failures apart.
enum ExitStatus: Int32 {
  case success = 0
  /// A check, test or comparison ran and found a problem (`credence test`, `fmt --check`).
  case failure = 1
  case usage = 64
  /// The policies or records are malformed.
  case dataError = 65
  /// A named input path does not exist.
  case noInput = 66
  case software = 70
  case ioError = 74

  var exitCode: ExitCode { ExitCode(rawValue) }
}
