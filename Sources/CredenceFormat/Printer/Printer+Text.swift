import CredenceSyntax

extension Printer {
  /// One line of output, before blank lines are decided.
  struct Item {
    enum Kind {
      /// Output line `line` of tokens, with the comment that ended it, if any.
      case code(line: Int, trailing: Comment?)
      /// A comment on a line of its own.
      case comment(Comment)
    }
    var kind: Kind
    /// The input lines the item came from, for finding the author's blank lines.
    var firstInputLine: Int
    var lastInputLine: Int
    /// The declaration the item is inside (comments between declarations have none).
    var declaration: Int?
    /// For a comment: the token it comes before (maybe the end of file).
    var nextToken: Int
  }

  /// The formatted text.
  func render() -> String {
    let comments = placeComments()
    let natural = layout(padding: Array(repeating: 0, count: tokens.count))
    let padding = alignmentPadding(natural: natural)
    let final = layout(padding: padding)
    let items = makeItems(comments)
    let blank = blankLines(items)

    // Line texts and their widths; the width is tracked, not recounted, so a long line
    // costs time in proportion to its length.
    var code: [String] = []
    var codeWidth: [Int] = []
    for members in lines {
      var text = ""
      var width = 0
      for index in members {
        let column = final.column[index]
        if width < column {
          text += String(repeating: " ", count: column - width)
          width = column
        }
        text += notes.spelling[index]
        width += self.width(index)
      }
      code.append(text)
      codeWidth.append(width)
    }

    // Trailing comments on consecutive lines line up two spaces after the longest line.
    var trailingColumn: [Int: Int] = [:]
    var position = 0
    while position < items.count {
      guard case .code(let line, .some) = items[position].kind else {
        position += 1
        continue
      }
      var run = [line]
      var next = position + 1
      while next < items.count, !blank[next], case .code(let other, .some) = items[next].kind {
        run.append(other)
        next += 1
      }
      let column = (run.map { codeWidth[$0] }.max() ?? 0) + 2
      for member in run { trailingColumn[member] = column }
      position = next
    }

    var output: [String] = []
    for (position, item) in items.enumerated() {
      if blank[position] { output.append("") }
      switch item.kind {
      case .code(let line, let trailing):
        var text = code[line]
        if let trailing, let column = trailingColumn[line] {
          text +=
            String(repeating: " ", count: max(1, column - codeWidth[line])) + commentText(trailing)
        }
        output.append(text)
      case .comment(let comment):
        let indent = commentIndent(position, items: items, blank: blank, layout: final)
        output.append(String(repeating: " ", count: indent) + commentText(comment))
      }
    }
    return output.isEmpty ? "" : output.joined(separator: "\n") + "\n"
  }

  /// A comment as written, without trailing whitespace.
  func commentText(_ comment: Comment) -> String {
    var text = Substring(source.text(of: comment.span))
    while let last = text.last, last == " " || last == "\t" || last == "\r" { text.removeLast() }
    return String(text)
  }

  /// The 1-based input line of a byte offset.
  func inputLine(_ offset: Int) -> Int { source.line(of: offset) }

  // MARK: Comments

  struct PlacedComments {
    /// Comments that ended a line, by the output line of the token they followed.
    var trailing: [Int: Comment] = [:]
    /// Comments on lines of their own, by the token that follows them.
    var before: [Int: [Comment]] = [:]
  }

  func placeComments() -> PlacedComments {
    var placed = PlacedComments()
    var tokenIndex = 0
    for comment in syntax.comments {
      // The first token after the comment (the end of file at worst).
      while tokenIndex < tokens.count - 1, tokens[tokenIndex].span.start < comment.span.start {
        tokenIndex += 1
      }
      let next = tokenIndex
      let host = next - 1
      if host >= 0, isPrinted(host),
        inputLine(tokens[host].span.start) == inputLine(comment.span.start), endsLine(host)
      {
        placed.trailing[lineOf[host]] = comment
      } else {
        var target = next
        while target < tokens.count - 1, !isPrinted(target) { target += 1 }
        placed.before[target, default: []].append(comment)
      }
    }
    return placed
  }

  func makeItems(_ comments: PlacedComments) -> [Item] {
    var items: [Item] = []
    func addComments(before token: Int) {
      for comment in comments.before[token] ?? [] {
        let declaration = notes.declaration[token]
        let inside = declaration >= 0 && declarationStart[declaration] != token
        let line = inputLine(comment.span.start)
        items.append(
          Item(
            kind: .comment(comment), firstInputLine: line, lastInputLine: line,
            declaration: inside ? declaration : nil, nextToken: token))
      }
    }
    for (line, members) in lines.enumerated() {
      guard let first = members.first, let last = members.last else { continue }
      addComments(before: first)
      let declaration = notes.declaration[first]
      items.append(
        Item(
          kind: .code(line: line, trailing: comments.trailing[line]),
          firstInputLine: inputLine(tokens[first].span.start),
          lastInputLine: inputLine(tokens[last].span.start),
          declaration: declaration >= 0 ? declaration : nil, nextToken: first))
    }
    addComments(before: tokens.count - 1)
    return items
  }

  // MARK: Blank lines

  /// Whether a blank line goes before each item: none inside a declaration, one between
  /// declarations (runs of `param`, `fact` and `let` may stay together), and the author's
  /// blank lines around comments between declarations, at most one at a time.
  func blankLines(_ items: [Item]) -> [Bool] {
    var blank = Array(repeating: false, count: items.count)
    for position in items.indices.dropFirst() {
      let previous = items[position - 1]
      let item = items[position]
      if let declaration = item.declaration, declaration == previous.declaration { continue }
      blank[position] = item.firstInputLine - previous.lastInputLine >= 2
    }
    // Between two declarations that may not be grouped, at least one blank line.
    var lastCodeOf: [Int: Int] = [:]
    var firstCodeOf: [Int: Int] = [:]
    for (position, item) in items.enumerated() {
      guard case .code = item.kind, let declaration = item.declaration else { continue }
      lastCodeOf[declaration] = position
      if firstCodeOf[declaration] == nil { firstCodeOf[declaration] = position }
    }
    for declaration in syntax.declarations.indices.dropFirst() {
      guard let end = lastCodeOf[declaration - 1], let start = firstCodeOf[declaration],
        end < start
      else { continue }
      if groupable(declaration - 1, declaration) { continue }
      if !blank[(end + 1)...start].contains(true) { blank[end + 1] = true }
    }
    return blank
  }

  /// Whether two declarations may follow each other without a blank line.
  func groupable(_ first: Int, _ second: Int) -> Bool {
    func small(_ kind: Declaration.Kind) -> Bool {
      switch kind {
      case .param, .fact, .let: true
      default: false
      }
    }
    return small(syntax.declarations[first].kind) && small(syntax.declarations[second].kind)
  }

  /// A comment inside a declaration takes the indentation of the line after it. Between
  /// declarations, a comment that leads into the next declaration starts at column 0; one
  /// that trails the previous declaration keeps its indentation up to that declaration's
  /// last line; others start at column 0.
  func commentIndent(_ position: Int, items: [Item], blank: [Bool], layout: Layout) -> Int {
    let item = items[position]
    if item.declaration != nil {
      let line = lineOf[item.nextToken]
      return line >= 0 ? layout.indent[line] : 0
    }
    // Leads into the next declaration: no blank line before the next code line.
    var next = position + 1
    while next < items.count, !blank[next], case .comment = items[next].kind { next += 1 }
    if next < items.count, !blank[next] { return 0 }
    // Trails the previous declaration: no blank line since its last code line.
    var previous = position
    while previous > 0, !blank[previous], case .comment = items[previous - 1].kind {
      previous -= 1
    }
    if previous > 0, !blank[previous], case .code(let line, _) = items[previous - 1].kind,
      case .comment(let comment) = item.kind
    {
      let column = comment.span.start - source.lineStarts[inputLine(comment.span.start) - 1]
      return min(column, layout.indent[line])
    }
    return 0
  }
}
