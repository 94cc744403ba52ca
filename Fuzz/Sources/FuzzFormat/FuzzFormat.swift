import CredenceFormat
import CredenceSyntax
import FuzzSupport

/// libFuzzer's entry point: format arbitrary bytes. A file that parses must format (the
/// formatter's own "means something else" failure is a bug), the result must format to
/// itself, and it must parse to the same tree as the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFormat(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = fuzzBytes(data, size)
  var sources = SourceSet()
  let source = sources.add(path: "fuzz.credence", bytes: bytes)
  switch Formatter.format(source) {
  case .rejected(let diagnostics):
    precondition(diagnostics.contains(where: \.isError), "rejected without an error")
  case .failed(let reason):
    preconditionFailure("the formatter failed: \(reason)")
  case .formatted(let text):
    switch Formatter.format(text, path: "formatted.credence") {
    case .formatted(let again):
      precondition(again == text, "formatting is not idempotent")
    case .rejected(let diagnostics):
      preconditionFailure("the formatted text does not parse: \(diagnostics.map(\.message))")
    case .failed(let reason):
      preconditionFailure("the formatted text does not format: \(reason)")
    }
    let before = Parser.parse(source).syntax
    let after = Parser.parse(SourceFile(path: "formatted.credence", text: text)).syntax
    if let difference = Formatter.difference(before, after) {
      preconditionFailure("formatting changed the meaning: \(difference)")
    }
  }
  return 0
}

/// The program's entry point, handing the command line to libFuzzer (`runFuzzer`).
@_cdecl("FuzzFormat_main")
public func fuzzMain(
  _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> CInt {
  runFuzzer(argc, argv) { data, size in fuzzFormat(data, size) }
}
