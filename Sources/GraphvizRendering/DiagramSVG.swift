import Foundation

/// What StakeNet adds to the SVG Graphviz draws: each stakeholder's element carries its id as `data-id`
/// (escaped), so that scripts (the interactive map, users' own) can find it, and text gets a white halo
/// drawn beneath it, so that a label crossing a tie stays readable.
enum DiagramSVG {
    static let style = "<style>text{paint-order:stroke;stroke:#ffffff;stroke-width:3px;stroke-linejoin:round}g.legend text{stroke-width:0}</style>"

    /// - Complexity: O(size of the SVG), one pass over its bytes.
    static func annotate(_ svg: Data, ids: [String]) -> Data {
        let bytes = [UInt8](svg)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + ids.count * 24 + style.utf8.count + 1)
        // Stakeholders are `<g id="s12" class="node stakeholder">`, or `p3s12` in panel 3 of a faceted picture.
        let marker = Array("<g id=\"".utf8), tail = Array("\" class=\"node stakeholder\"".utf8), root = Array("<svg ".utf8)
        func matches(_ pattern: [UInt8], at i: Int) -> Bool {
            i + pattern.count <= bytes.count && bytes[i ..< i + pattern.count].elementsEqual(pattern)
        }
        func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
        var styled = false
        var i = 0
        while i < bytes.count {
            if !styled, matches(root, at: i), let close = bytes[i...].firstIndex(of: UInt8(ascii: ">")) {
                // The halo style, just inside the root element.
                out.append(contentsOf: bytes[i ... close])
                out.append(UInt8(ascii: "\n"))
                out.append(contentsOf: Array(style.utf8))
                styled = true
                i = close + 1
                continue
            }
            guard !ids.isEmpty, bytes[i] == UInt8(ascii: "<"), matches(marker, at: i) else {
                out.append(bytes[i])
                i += 1
                continue
            }
            var j = i + marker.count
            if j < bytes.count, bytes[j] == UInt8(ascii: "p") {
                var k = j + 1
                while k < bytes.count, isDigit(bytes[k]) { k += 1 }
                if k > j + 1 { j = k }
            }
            var index = -1
            if j < bytes.count, bytes[j] == UInt8(ascii: "s") {
                var k = j + 1, value = 0
                while k < bytes.count, isDigit(bytes[k]), value < Int.max / 20 { value = value * 10 + Int(bytes[k] - UInt8(ascii: "0")); k += 1 }
                if k > j + 1, matches(tail, at: k) { index = value; j = k + tail.count }
            }
            if index >= 0 && index < ids.count {
                out.append(contentsOf: bytes[i ..< j])
                out.append(contentsOf: Array(" data-id=\"\(XMLText.escape(ids[index]))\"".utf8))
                i = j
            } else {
                out.append(contentsOf: marker)
                i += marker.count
            }
        }
        return Data(out)
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
