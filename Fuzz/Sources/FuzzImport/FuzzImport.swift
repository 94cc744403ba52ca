import CredenceStore
import FuzzSupport

/// libFuzzer's entry point: import arbitrary bytes into a store in memory holding the
/// fixture records, as Open Badges JSON when they start with `{` or `[` (after spaces), as
/// CSV otherwise (the table guessed from the header). Nothing may crash; a refused import
/// leaves the store as it was; an accepted one leaves every learner readable.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImport(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = fuzzBytes(data, size)
  let first = bytes.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
  let name = first == UInt8(ascii: "{") || first == UInt8(ascii: "[") ? "fuzz.json" : "fuzz.csv"
  // A copy of the fixture store: it starts as the fixture's snapshot, taken once.
  let store = FixedLearners.store()
  defer { try? store.close() }
  do {
    let before = FixedLearners.snapshot
    do {
      _ = try store.importFiles([ImportFile(name: name, bytes: bytes)])
    } catch let error as StoreError {
      precondition(!error.description.isEmpty, "an empty error")
      let after = try StoreSnapshot(store)
      precondition(after == before, "a refused import changed the store")
      return 0
    }
    _ = try StoreSnapshot(store)
  } catch {
    preconditionFailure("the store failed outside the import: \(error)")
  }
  return 0
}

/// The program's entry point, handing the command line to libFuzzer (`runFuzzer`).
@_cdecl("FuzzImport_main")
public func fuzzMain(
  _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> CInt {
  runFuzzer(argc, argv) { data, size in fuzzImport(data, size) }
}
