import Foundation

/// What StakeNet adds to the SVG Graphviz draws: each stakeholder's element carries its id as `data-id`
/// (escaped), so that scripts (the interactive map, users' own) can find it, and text gets a white halo
/// drawn beneath it, so that a label crossing a tie stays readable.
enum DiagramSVG {
    static let style = "<style>text{paint-order:stroke;stroke:#ffffff;stroke-width:3px;stroke-linejoin:round}g.legend text{stroke-width:0}</style>"

    /// - Complexity: O(size of the SVG), one pass over its bytes.
    static func annotate(_ svg: Data, ids: [String]) -> Data {
        var text = String(decoding: svg, as: UTF8.self)
        // The halo style, just inside the root element.
        if let root = text.range(of: "<svg "), let close = text[root.upperBound...].firstIndex(of: ">") {
            text.insert(contentsOf: "\n" + style, at: text.index(after: close))
        }
        guard !ids.isEmpty else { return Data(text.utf8) }
        var out = ""
        out.reserveCapacity(text.utf8.count + ids.count * 24)
        // Stakeholders are `<g id="s12" class="node stakeholder">`, or `p3s12` in panel 3 of a faceted picture.
        let marker = "<g id=\""
        var rest = Substring(text)
        while let found = rest.range(of: marker) {
            out += rest[..<found.upperBound]
            rest = rest[found.upperBound...]
            if rest.first == "p" {
                let panel = rest.dropFirst().prefix { $0.isNumber }
                guard !panel.isEmpty, rest.dropFirst(1 + panel.count).first == "s" else { continue }
                out += rest.prefix(1 + panel.count)
                rest = rest.dropFirst(1 + panel.count)
            }
            guard rest.first == "s" else { continue }
            out += "s"
            rest = rest.dropFirst()
            let digits = rest.prefix { $0.isNumber }
            guard let index = Int(digits), index < ids.count, rest.dropFirst(digits.count).hasPrefix("\" class=\"node stakeholder\"") else { continue }
            let head = "\(digits)\" class=\"node stakeholder\""
            out += head + " data-id=\"\(XMLText.escape(ids[index]))\""
            rest = rest.dropFirst(head.count)
        }
        out += rest
        return Data(out.utf8)
    }
}

/// XML attribute escaping for what StakeNet writes into SVG.
enum XMLText {
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if scalar.value < 0x20 { out += "&#\(scalar.value);" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
