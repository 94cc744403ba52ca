#if canImport(Glibc)
  import Glibc
#endif

/// glibc's allocator, told to grow its heaps in large steps.
///
/// Threads other than the main one allocate from heaps of their own, which glibc grows a
/// page at a time with one `mprotect` call per step: parsing a megabyte of policy text on
/// two cores made ~2,000 such calls (strace), a few milliseconds of system time in a
/// process that should take well under 100. With a top pad, each heap grows in steps of
/// `topPad` bytes; the pages are only reserved, and count as memory used only once touched.
///
/// glibc applies the pad when it makes a heap, so only heaps made after `apply()` benefit:
/// `credence` calls it as it starts, before the front end parses on several cores and the
/// workers' heaps are made (strace -f -c on `credence check` of 1 MB: 2,071 `mprotect` calls
/// before, 35 after, with the front end on the main thread). A library leaves the process's
/// allocator alone: this is the executable's choice, not the facade's.
enum MemoryTuning {
  /// How far a heap grows past what was asked for, in bytes.
  static let topPad: Int32 = 8 << 20

  /// Applies the tuning once per process (later calls do nothing); true when glibc took it.
  @discardableResult
  static func apply() -> Bool { applied }

  private static let applied: Bool = {
    #if canImport(Glibc)
      // `mallopt` is not in the Glibc module's headers; it is looked up by name, and
      // anything but glibc (where the symbol is missing) is left alone.
      typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
      let topPadOption: Int32 = -2  // M_TOP_PAD in <malloc.h>
      guard let symbol = dlsym(nil, "mallopt") else { return false }
      let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
      return mallopt(topPadOption, topPad) == 1
    #else
      return false
    #endif
  }()
}
