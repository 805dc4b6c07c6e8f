import Foundation
import NetworkIO

/// Graphviz's SVG made fit to sit inside an HTML page: no XML prolog, document type or comments (which
/// repeat node names), scaled to the page's width, announced to screen readers by `label`.
/// Graphviz escapes every text it writes into SVG (`&`, `<`, `>`, quotes); `label` is escaped here
/// (`XMLWriting.escape`).
enum InlineSVG {
    /// - Complexity: O(size of the SVG), one pass over its bytes.
    static func make(_ svg: Data, label: String, interactive: Bool = false) -> String {
        var text = String(decoding: withoutComments(svg), as: UTF8.self)
        if let start = text.range(of: "<svg") { text = String(text[start.lowerBound...]) }
        // Fixed sizes in points become a responsive width; the viewBox keeps the proportions.
        if let tagEnd = text.firstIndex(of: ">") {
            var tag = String(text[..<tagEnd])
            tag = tag.replacingOccurrences(of: #"\swidth="[^"]*""#, with: "", options: .regularExpression)
            tag = tag.replacingOccurrences(of: #"\sheight="[^"]*""#, with: "", options: .regularExpression)
            // An interactive map's stakeholders are controls; a picture is one image to screen readers.
            tag += " width=\"100%\" role=\"\(interactive ? "group" : "img")\" aria-label=\"\(XMLWriting.escape(label))\" class=\"map\""
            text = tag + text[tagEnd...]
        }
        return text
    }

    /// The bytes without any `<!-- … -->` comment (an unclosed one runs to the end).
    static func withoutComments(_ data: Data) -> [UInt8] {
        let bytes = [UInt8](data)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        let n = bytes.count
        while i < n {
            if bytes[i] == UInt8(ascii: "<"), i + 3 < n, bytes[i + 1] == UInt8(ascii: "!"), bytes[i + 2] == UInt8(ascii: "-"), bytes[i + 3] == UInt8(ascii: "-") {
                var j = i + 4
                while j + 2 < n && !(bytes[j] == UInt8(ascii: "-") && bytes[j + 1] == UInt8(ascii: "-") && bytes[j + 2] == UInt8(ascii: ">")) { j += 1 }
                i = j + 3
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        return out
    }
}
