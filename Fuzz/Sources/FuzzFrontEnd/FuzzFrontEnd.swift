import CredenceSyntax
import FuzzSupport

/// libFuzzer's entry point: lex and parse arbitrary bytes, then check the invariants every
/// result must keep. A trap, a sanitizer report, a timeout or running out of memory is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontEnd(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = fuzzBytes(data, size)
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

/// The program's entry point, handing the command line to libFuzzer (`runFuzzer`).
@_cdecl("FuzzFrontEnd_main")
public func fuzzMain(
  _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> CInt {
  runFuzzer(argc, argv) { data, size in fuzzFrontEnd(data, size) }
}
