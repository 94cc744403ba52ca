/// An identifier as written, with its span: a declared name, a field, a parameter.
public struct Name: Hashable, Sendable, CustomStringConvertible {
  /// The identifier's text.
  public var text: String
  /// Where it was written.
  @IgnoredInEquality public var span: Span

  /// The name `text` at `span`.
  public init(_ text: String, span: Span) {
    self.text = text
    self.span = span
  }

  public var description: String { text }
}

/// A string literal in a place where the grammar wants text (titles, codes, `because`).
public struct TextLiteral: Hashable, Sendable {
  /// The text, escapes resolved.
  public var value: String
  /// Where it was written, quotes included.
  @IgnoredInEquality public var span: Span

  /// The text `value` at `span`.
  public init(_ value: String, span: Span) {
    self.value = value
    self.span = span
  }
}

/// A number literal in a place where the grammar wants a number (grade points).
public struct NumberLiteral: Hashable, Sendable {
  /// The number's digits.
  public var value: DecimalText
  /// Where it was written.
  @IgnoredInEquality public var span: Span

  /// The number `value` at `span`.
  public init(_ value: DecimalText, span: Span) {
    self.value = value
    self.span = span
  }
}

/// A date literal in a place where the grammar wants a date (`effective`, `from`, `as of`).
public struct DateLiteral: Hashable, Sendable {
  /// The date.
  public var value: CivilDate
  /// Where it was written.
  @IgnoredInEquality public var span: Span

  /// The date `value` at `span`.
  public init(_ value: CivilDate, span: Span) {
    self.value = value
    self.span = span
  }
}

/// A type annotation: `Bool`, `Money(SGD)`, `Grade(letter)`, `List(Award)`.
///
/// grammar: `type = IDENT , [ "(" , type_argument , ")" ] ;`
public struct TypeSyntax: Hashable, Sendable {
  /// The type's name (`Money`).
  public var name: Name
  /// The argument in parentheses, stored as an array only so the struct can nest;
  /// the parser produces at most one. Use `argument`.
  public var arguments: [TypeSyntax]
  /// Where the whole annotation was written.
  @IgnoredInEquality public var span: Span

  /// A type `name(argument)`.
  public init(name: Name, argument: TypeSyntax? = nil, span: Span) {
    self.name = name
    self.arguments = argument.map { [$0] } ?? []
    self.span = span
  }

  /// The argument in parentheses: a currency, scale or element type.
  public var argument: TypeSyntax? { arguments.first }
}
