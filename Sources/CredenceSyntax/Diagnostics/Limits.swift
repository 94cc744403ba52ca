/// The front end's limits, each a named constant with its own test.
public enum Limits {
  /// The most errors reported per file; the rest are counted and summarised as
  /// "N more errors". Beyond this many a reader fixes the first ones and re-runs
  /// (cel-go uses the same figure).
  public static let maximumErrorsPerFile = 100

  /// The deepest nesting of brackets, operators, types and requirement blocks the parser
  /// accepts. Real policies nest a handful of levels; the limit keeps the recursive-descent
  /// parser, and every pass that recurses over its tree, far from the thread's stack limit.
  public static let maximumNestingDepth = 128

  /// The largest policy file loaded, in bytes (16 MiB). Policies are a few kilobytes; the
  /// limit stops a mistaken path (a database, a log) from being read into memory whole.
  public static let maximumSourceFileBytes = 16 * 1024 * 1024

  /// How many bytes at the start of a file are looked at to tell a binary file (8 KiB, as
  /// git and grep do).
  public static let binarySniffBytes = 8 * 1024

  /// NUL bytes among the first ``binarySniffBytes`` that make a file binary: a database, an
  /// image, UTF-16 text. One or two stray NULs in a text file are reported where they are;
  /// this many means the file is not policy text at all, and it is said once instead of a
  /// hundred errors drawing raw bytes (a SQLite store holds learners' names).
  public static let binaryFileNULBytes = 8
}
