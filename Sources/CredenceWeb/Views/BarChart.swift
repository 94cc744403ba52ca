/// A horizontal bar chart as SVG, drawn on the server. Each bar carries its label and its
/// number in text, and a fill pattern of its own kind (solid, hatched, dotted, lined), so
/// the chart reads the same without colour; the page puts the same numbers in a table.
enum BarChart {
  struct Bar {
    var label: String
    var value: Int
    /// `yes`, `no`, `unknown`, `none`, `error` (the statuses) or `plain`.
    var style: String = "plain"
  }

  static let width = 640
  static let labelWidth = 270
  // What is left of the width after the bar is for its number and unit ("100,000 enrolments").
  static let barArea = 240
  static let rowHeight = 30
  /// Labels longer than this are cut in the chart (the table beside it has them whole).
  static let labelCharacters = 32

  static func svg(id: String, title: String, bars: [Bar], unit: String) -> String {
    let height = max(1, bars.count) * rowHeight + 10
    let largest = max(1, bars.map(\.value).max() ?? 1)
    var out =
      "<svg class=\"chart\" id=\"\(id)\" role=\"img\" aria-labelledby=\"\(id)-title\" "
      + "viewBox=\"0 0 \(width) \(height)\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" "
      + "xmlns=\"http://www.w3.org/2000/svg\">"
      + "<title id=\"\(id)-title\">\(HTML.escape(title)): "
      + HTML.escape(bars.map { "\($0.label) \($0.value)" }.joined(separator: ", "))
      + "</title>" + patterns(id)
    for (row, bar) in bars.enumerated() {
      let y = row * rowHeight + 5
      let length = bar.value == 0 ? 0 : max(2, bar.value * barArea / largest)
      var label = bar.label
      if label.count > labelCharacters { label = String(label.prefix(labelCharacters - 1)) + "…" }
      out +=
        "<g class=\"bar bar-\(bar.style)\">"
        + "<text x=\"\(labelWidth - 8)\" y=\"\(y + 19)\" text-anchor=\"end\">"
        + HTML.escape(label) + "</text>"
        + "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(length)\" height=\"\(rowHeight - 8)\" "
        + "fill=\"url(#\(id)-\(bar.style))\" stroke=\"currentColor\"/>"
        + "<text x=\"\(labelWidth + length + 6)\" y=\"\(y + 19)\">\(bar.value) "
        + HTML.escape(bar.value == 1 && unit.hasSuffix("s") ? String(unit.dropLast()) : unit)
        + "</text>"
        + "</g>"
    }
    return out + "</svg>"
  }

  /// One fill per kind of bar; the ids carry the chart's id, as a page holds several.
  private static func patterns(_ id: String) -> String {
    func pattern(_ style: String, _ body: String) -> String {
      "<pattern id=\"\(id)-\(style)\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\">"
        + body + "</pattern>"
    }
    return "<defs>"
      + pattern("yes", "<rect width=\"8\" height=\"8\" class=\"fill-yes\"/>")
      + pattern(
        "no",
        "<rect width=\"8\" height=\"8\" class=\"fill-no\"/><path d=\"M0,8 L8,0\" class=\"ink\"/>")
      + pattern(
        "unknown",
        "<rect width=\"8\" height=\"8\" class=\"fill-unknown\"/><circle cx=\"4\" cy=\"4\" r=\"1.5\" class=\"dot\"/>"
      )
      + pattern(
        "none",
        "<rect width=\"8\" height=\"8\" class=\"fill-none\"/><path d=\"M0,4 L8,4\" class=\"ink\"/>")
      + pattern(
        "error",
        "<rect width=\"8\" height=\"8\" class=\"fill-error\"/><path d=\"M0,0 L8,8 M0,8 L8,0\" class=\"ink\"/>"
      )
      + pattern("plain", "<rect width=\"8\" height=\"8\" class=\"fill-plain\"/>")
      + "</defs>"
  }
}
