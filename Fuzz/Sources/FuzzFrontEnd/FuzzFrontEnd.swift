import CredenceSyntax

/// libFuzzer's entry point: lex and parse arbitrary bytes, then check the invariants every
/// result must keep. A trap, a sanitizer report, a timeout or running out of memory is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontEnd(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  var sources = SourceSet()
  let source = sources.add(path: "fuzz.credence", bytes: bytes)
  let parsed = Parser.parse(source)

  for diagnostic in parsed.diagnostics {
    let spans = [diagnostic.span] + diagnostic.labels.map(\.span)
    for span in spans {
      precondition(
        0 <= span.start && span.start <= span.end && span.end <= size, "span out of bounds")
    }
    precondition(!diagnostic.message.isEmpty, "empty message")
  }
  for declaration in parsed.syntax.declarations {
    precondition(declaration.span.end <= size, "declaration span out of bounds")
  }
  // Every renderer and the tree printer must cope with whatever came out.
  for format in DiagnosticRenderer.Format.allCases {
    _ = DiagnosticRenderer(format: format, colour: true).render(
      parsed.diagnostics, sources: sources)
  }
  _ = parsed.syntax.sExpression
  return 0
}

/// libFuzzer's driver, which parses the command line and runs the fuzzing loop.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// The program's entry point. SwiftPM links an executable's `main` to `<Target>_main`
/// (for testable executables), which would hide libFuzzer's own `main`; this one hands
/// the command line straight to libFuzzer's driver.
@_cdecl("FuzzFrontEnd_main")
public func fuzzMain(
  _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> CInt {
  var count = argc
  var arguments = argv
  return runFuzzerDriver(&count, &arguments) { data, size in fuzzFrontEnd(data, size) }
}
