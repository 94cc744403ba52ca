/// The policy reference (`credence doc`, the facade's `PolicyReference`) as HTML: the few
/// Markdown forms it writes (headings, nested bullets, paragraphs, `code`, <links>), each
/// decision's heading given the anchor `decision-NAME` that explanations link to.
enum ReferenceMarkdown {
  static func html(_ markdown: String) -> String {
    var out = ""
    var openLists = 0
    var pendingHeading: String?
    var paragraph: [String] = []

    func closeParagraph() {
      if !paragraph.isEmpty {
        out += "<p>" + inline(paragraph.joined(separator: " ")) + "</p>\n"
        paragraph = []
      }
    }
    func closeLists(to depth: Int) {
      while openLists > depth {
        out += "</li></ul>\n"
        openLists -= 1
      }
    }
    /// A decision's heading waits for the line under it, which names the decision.
    func flushHeading(anchor: String?) {
      guard let heading = pendingHeading else { return }
      let id = anchor.map { " id=\"decision-\(HTML.escape($0))\"" } ?? ""
      out += "<h4\(id)>" + inline(heading) + "</h4>\n"
      pendingHeading = nil
    }

    for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
      let text = String(line)
      if text.trimmingWhitespace.isEmpty {
        closeParagraph()
        continue
      }
      if pendingHeading != nil {
        flushHeading(anchor: text.hasPrefix("`") ? name(in: text) : nil)
      }
      if let level = headingLevel(text) {
        closeParagraph()
        closeLists(to: 0)
        let title = String(text.dropFirst(level + 1))
        if level == 4 {
          pendingHeading = title
        } else {
          out += "<h\(level)>" + inline(title) + "</h\(level)>\n"
        }
        continue
      }
      let indent = text.prefix { $0 == " " }.count
      let trimmed = text.dropFirst(indent)
      if trimmed.hasPrefix("- ") {
        closeParagraph()
        let depth = indent / 2 + 1
        if depth > openLists {
          while openLists < depth {
            out += "<ul>\n<li>"
            openLists += 1
          }
        } else {
          closeLists(to: depth)
          out += "</li>\n<li>"
        }
        out += inline(String(trimmed.dropFirst(2)))
        continue
      }
      closeLists(to: 0)
      paragraph.append(String(trimmed))
    }
    closeParagraph()
    flushHeading(anchor: nil)
    closeLists(to: 0)
    return out
  }

  /// 1 to 4 for a Markdown heading line (the page drops the reference's own `#` line).
  private static func headingLevel(_ line: String) -> Int? {
    let hashes = line.prefix { $0 == "#" }.count
    guard (1...4).contains(hashes), line.dropFirst(hashes).hasPrefix(" ") else { return nil }
    return hashes
  }

  /// The name between the first pair of backticks.
  private static func name(in line: String) -> String? {
    let parts = line.split(separator: "`", omittingEmptySubsequences: false)
    return parts.count > 2 ? String(parts[1]) : nil
  }

  /// `code` spans and <https://…> links; everything else escaped.
  static func inline(_ text: String) -> String {
    var out = ""
    for (index, part) in text.split(separator: "`", omittingEmptySubsequences: false).enumerated() {
      if index % 2 == 1 {
        out += "<code>" + HTML.escape(String(part)) + "</code>"
      } else {
        out += links(String(part))
      }
    }
    return out
  }

  private static func links(_ text: String) -> String {
    var out = ""
    var rest = Substring(text)
    while let open = rest.range(of: "<http"),
      let close = rest[open.upperBound...].firstIndex(of: ">")
    {
      out += HTML.escape(String(rest[..<open.lowerBound]))
      let address = String(rest[rest.index(after: open.lowerBound)..<close])
      out += "<a href=\"\(HTML.escape(address))\">\(HTML.escape(address))</a>"
      rest = rest[rest.index(after: close)...]
    }
    return out + HTML.escape(String(rest))
  }
}
