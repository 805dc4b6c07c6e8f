import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An XML element as GraphML and GEXF readers need it: local name, attributes, children, text, line.
final class MarkupElement {
    let name: String
    let namespace: String?
    let attributes: [String: String]
    let line: Int
    var children: [MarkupElement] = []
    var text = ""

    init(name: String, namespace: String?, attributes: [String: String], line: Int) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.line = line
    }

    func children(named name: String) -> [MarkupElement] { children.filter { $0.name == name } }
    func child(named name: String) -> MarkupElement? { children.first { $0.name == name } }
}

/// Parsing XML from untrusted files safely: a document type declaration that declares entities (the
/// "billion laughs" expansion) or names an external one is refused before parsing; external entities are
/// never resolved; files over `sizeLimit` are refused.
enum SafeXML {
    static let sizeLimit = 2 << 30

    /// The document's root element. - Throws: `InputError` with the line of the problem.
    static func parse(_ path: String) throws -> MarkupElement {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = attributes?[.size] as? Int, size > sizeLimit {
            throw InputError(file: path, message: "is \(size >> 20) MB, over the \(sizeLimit >> 30) GB StakeNet reads as XML",
                             hint: "split the network, or convert it to a CSV folder with another tool")
        }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw InputError(file: path, message: "cannot be read: \(FileProblem.describe(error))", hint: "check that the file exists and that you may read it")
        }
        if data.isEmpty { throw InputError(file: path, message: "the file is empty", hint: "an XML network file holds at least its root element") }
        try refuseEntities(data, file: path)
        let parser = XMLParser(data: data)
        let builder = TreeBuilder(parser: parser)
        parser.delegate = builder
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        if !parser.parse() || builder.root == nil || builder.failureLine != nil {
            let reason = (parser.parserError as NSError?).map(describe) ?? "not well-formed XML"
            throw InputError(file: path, line: builder.failureLine ?? parser.lineNumber, message: "is not well-formed XML: \(reason)",
                             hint: "check the markup near that line (an unclosed element or a stray '<' or '&')")
        }
        return builder.root!
    }

    /// Refuses entity declarations and external DTDs in the prolog (before the root element).
    static func refuseEntities(_ data: Data, file: String) throws {
        guard let doctype = data.range(of: Data("<!DOCTYPE".utf8)) else { return }
        let prolog = data[doctype.lowerBound...].prefix(1 << 20)
        let line = data[..<doctype.lowerBound].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
        if prolog.range(of: Data("<!ENTITY".utf8)) != nil {
            throw InputError(file: file, line: line, message: "declares XML entities in its document type",
                             hint: "StakeNet refuses entity declarations, which can expand without bound (the 'billion laughs' attack); remove the <!DOCTYPE …> block")
        }
        let header = prolog.prefix { $0 != UInt8(ascii: ">") && $0 != UInt8(ascii: "[") }
        if header.range(of: Data("SYSTEM".utf8)) != nil || header.range(of: Data("PUBLIC".utf8)) != nil {
            throw InputError(file: file, line: line, message: "refers to an external document type",
                             hint: "StakeNet never fetches external files; remove the <!DOCTYPE …> line")
        }
    }

    static func describe(_ error: NSError) -> String {
        if let message = error.userInfo[NSLocalizedDescriptionKey] as? String, !message.isEmpty, !message.hasPrefix("The operation") { return message }
        return "parser error \(error.code)"
    }

    /// Builds the element tree from parser events.
    final class TreeBuilder: NSObject, XMLParserDelegate {
        unowned let parser: XMLParser
        var root: MarkupElement?
        var stack: [MarkupElement] = []
        var failureLine: Int?

        init(parser: XMLParser) { self.parser = parser }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            let local = elementName.split(separator: ":").last.map(String.init) ?? elementName
            var plain: [String: String] = [:]
            for (key, value) in attributes { plain[key.split(separator: ":").last.map(String.init) ?? key] = value }
            let element = MarkupElement(name: local, namespace: namespaceURI, attributes: plain, line: parser.lineNumber)
            if let parent = stack.last { parent.children.append(element) } else if root == nil { root = element }
            stack.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            _ = stack.popLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            stack.last?.text += String(decoding: CDATABlock, as: UTF8.self)
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            if failureLine == nil { failureLine = parser.lineNumber }
        }
    }
}
