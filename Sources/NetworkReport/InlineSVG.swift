import Foundation

/// Graphviz's SVG made fit to sit inside an HTML page: no XML prolog, document type or comments (which
/// repeat node names), scaled to the page's width, announced to screen readers by `label`.
/// Graphviz escapes every text it writes into SVG (`&`, `<`, `>`, quotes); `label` is escaped here.
enum InlineSVG {
    static func make(_ svg: Data, label: String) -> String {
        var text = String(decoding: svg, as: UTF8.self)
        if let start = text.range(of: "<svg") { text = String(text[start.lowerBound...]) }
        while let open = text.range(of: "<!--"), let close = text.range(of: "-->", range: open.upperBound ..< text.endIndex) {
            text.removeSubrange(open.lowerBound ..< close.upperBound)
        }
        // Fixed sizes in points become a responsive width; the viewBox keeps the proportions.
        if let tagEnd = text.firstIndex(of: ">") {
            var tag = String(text[..<tagEnd])
            tag = tag.replacingOccurrences(of: #"\swidth="[^"]*""#, with: "", options: .regularExpression)
            tag = tag.replacingOccurrences(of: #"\sheight="[^"]*""#, with: "", options: .regularExpression)
            tag += " width=\"100%\" role=\"img\" aria-label=\"\(HTMLText.escape(label))\" class=\"map\""
            text = tag + text[tagEnd...]
        }
        return text
    }
}

/// Escaping for text the report writes itself (outside the templates, which escape on their own).
enum HTMLText {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
