import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// What a streaming XML reader is told, element by element (local names; prefixes dropped).
protocol XMLEventHandler: AnyObject {
    func start(_ name: String, namespace: String?, attributes: [String: String], line: Int) throws
    func end(_ name: String) throws
    /// Character data, delivered only while `wantsText` is true.
    func text(_ text: String)
    var wantsText: Bool { get }
}

/// Parsing XML from untrusted files safely: a document type declaration that declares entities (the
/// "billion laughs" expansion) or names an external one is refused before parsing; external entities are
/// never resolved; files over `sizeLimit` are refused.
enum SafeXML {
    static let sizeLimit = 2 << 30

    /// Streams the document's elements to `handler`, without building a tree (a million-node GraphML file
    /// needs its records, not its markup, in memory).
    /// - Throws: `InputError` with the line of the problem, or what the handler throws.
    static func stream(_ path: String, to handler: XMLEventHandler) throws {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = attributes?[.size] as? Int, size > sizeLimit {
            throw InputError(file: path, message: "is \(size >> 20) MB, over the \(sizeLimit >> 30) GB StakeNet reads as XML",
                             hint: "split the network, or convert it to a CSV folder with another tool")
        }
        // The prolog, where a document type would be, is checked before parsing; the document is then
        // streamed (handed to the parser whole, libxml2 refuses documents over 10 MB).
        let head: Data
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            head = try handle.read(upToCount: 1 << 20) ?? Data()
            try handle.close()
        } catch {
            throw InputError(file: path, message: "cannot be read: \(FileProblem.describe(error))", hint: "check that the file exists and that you may read it")
        }
        if head.isEmpty { throw InputError(file: path, message: "the file is empty", hint: "an XML network file holds at least its root element") }
        try refuseEntities(head, file: path)
        guard let stream = InputStream(fileAtPath: path) else {
            throw InputError(file: path, message: "cannot be read", hint: "check that the file exists and that you may read it")
        }
        let parser = XMLParser(stream: stream)
        let forwarder = Forwarder(handler: handler)
        parser.delegate = forwarder
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        let parsed = parser.parse()
        if let error = forwarder.handlerError { throw error }
        if !parsed || forwarder.failureLine != nil || !forwarder.sawRoot {
            let reason = (parser.parserError as NSError?).map(describe) ?? "not well-formed XML"
            throw InputError(file: path, line: forwarder.failureLine ?? parser.lineNumber, message: "is not well-formed XML: \(reason)",
                             hint: "check the markup near that line (an unclosed element or a stray '<' or '&')")
        }
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

    /// Passes parser events on to a handler, stopping at the handler's first error.
    final class Forwarder: NSObject, XMLParserDelegate {
        let handler: XMLEventHandler
        var handlerError: Error?
        var failureLine: Int?
        var sawRoot = false

        init(handler: XMLEventHandler) { self.handler = handler }

        static func local(_ name: String) -> String {
            guard let colon = name.lastIndex(of: ":") else { return name }
            return String(name[name.index(after: colon)...])
        }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            guard handlerError == nil else { return }
            sawRoot = true
            var plain: [String: String] = [:]
            for (key, value) in attributes { plain[Forwarder.local(key)] = value }
            do { try handler.start(Forwarder.local(elementName), namespace: namespaceURI, attributes: plain, line: parser.lineNumber) } catch {
                handlerError = error
                parser.abortParsing()
            }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            guard handlerError == nil else { return }
            do { try handler.end(Forwarder.local(elementName)) } catch {
                handlerError = error
                parser.abortParsing()
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if handler.wantsText { handler.text(string) }
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            if handler.wantsText { handler.text(String(decoding: CDATABlock, as: UTF8.self)) }
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            if failureLine == nil && handlerError == nil { failureLine = parser.lineNumber }
        }
    }
}
