import CredenceSemantics
import CredenceSyntax

extension PolicyNavigator {
  /// What an editor shows over the name at `offset`, in Markdown: a declaration's signature
  /// and type, its `##` documentation and, for a param, its dated values; a record field's
  /// type and meaning from the records contract.
  public func hover(in file: FileID, at offset: Int) -> (span: Span, markdown: String)? {
    guard let (span, target) = target(in: file, at: offset) else { return nil }
    switch target {
    case .field(let field):
      return (span, "```credence\n\(field.qualifiedName): \(field.type)\n```\n\n\(field.meaning)")
    case .declaration(let i):
      return (span, markdown(index.declarations[i]))
    }
  }

  func markdown(_ declaration: SymbolIndex.Declaration) -> String {
    var out = "```credence\n" + signature(declaration) + "\n```"
    if !declaration.documentation.isEmpty {
      out += "\n\n" + declaration.documentation.joined(separator: "\n")
    }
    let dated = declaration.values.count > 1 || declaration.values.first?.from != nil
    if dated {
      out += "\n\nValues:\n"
      for value in declaration.values {
        let from = value.from.map { "from \($0)" } ?? "since always"
        out += "- `\(quote(value.value))` \(from)\n"
      }
    }
    if !declaration.grades.isEmpty {
      out +=
        "\n\nGrades, lowest first: "
        + declaration.grades.map { "`\"\($0)\"`" }.joined(separator: " < ")
    }
    return out
  }

  /// The declaration as it would open in a policy file, with its type where it was inferred.
  public func signature(_ declaration: SymbolIndex.Declaration) -> String {
    let type = declaration.type.map { ": \($0)" } ?? ""
    switch declaration.kind {
    case .param:
      if declaration.values.count == 1, let only = declaration.values.first, only.from == nil {
        return "param \(declaration.name)\(type) = \(quote(only.value))"
      }
      return "param \(declaration.name)\(type)"
    case .fact: return "fact \(declaration.name)\(type)"
    case .let: return "let \(declaration.name)\(declaration.parameters ?? "")\(type)"
    case .local: return "\(declaration.name)\(type)"
    case .scale: return "scale \(declaration.name)"
    case .stack, .fund, .equivalence:
      let title = declaration.title.map { " \"\($0)\"" } ?? ""
      return "\(declaration.kind.rawValue) \(declaration.name)\(title)"
    }
  }

  /// The source of `span` on one line.
  func quote(_ span: Span) -> String {
    let text = sources[span.file]?.text(of: span) ?? ""
    return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }
}
