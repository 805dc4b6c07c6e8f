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
        if declaresUTF8(head) { try validateUTF8(path) }
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

    /// Whether the document is UTF-8: no byte-order mark of UTF-16, and no XML declaration naming another encoding.
    static func declaresUTF8(_ head: Data) -> Bool {
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) { return false }
        guard head.starts(with: Data("<?xml".utf8)) || head.starts(with: [0xEF, 0xBB, 0xBF]),
              let end = head.firstIndex(of: UInt8(ascii: ">")) else { return true }
        let declaration = String(decoding: head[..<end], as: UTF8.self).lowercased()
        guard let range = declaration.range(of: "encoding") else { return true }
        let rest = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }
        return rest.hasPrefix("utf-8") || rest.hasPrefix("utf8")
    }

    /// Refuses a UTF-8 document holding invalid UTF-8 or NUL bytes, with the line, before parsing: FoundationXML
    /// stops the process on an element name that is not UTF-8 (found by fuzzing; Swift 6.3 on Linux).
    /// Streams the file in 1 MB chunks.
    static func validateUTF8(_ path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { return }
        defer { try? handle.close() }
        var line = 1
        var carry: [UInt8] = []
        while true {
            let chunk = (try? handle.read(upToCount: 1 << 20)) ?? nil
            var bytes = carry
            if let chunk { bytes += chunk }
            if bytes.isEmpty { break }
            // Keep an incomplete sequence at the end for the next chunk.
            var end = bytes.count
            if chunk != nil {
                var back = 0
                while back < 3 && end - back - 1 >= 0 && bytes[end - back - 1] & 0xC0 == 0x80 { back += 1 }
                let lead = end - back - 1
                if lead >= 0 {
                    let b = bytes[lead]
                    let needed = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : 0
                    if needed > back { end = lead }
                }
            }
            let body = bytes[..<end]
            if let nul = body.firstIndex(of: 0) {
                throw InputError(file: path, line: line + body[..<nul].filter { $0 == 0x0A }.count,
                                 message: "holds binary data (a NUL byte), so it is not an XML text file", hint: "export the network again as GraphML or GEXF")
            }
            if String(validating: body, as: UTF8.self) == nil {
                // Find the first bad byte's line.
                var good = body.startIndex
                var index = body.startIndex
                while index < body.endIndex {
                    let b = body[index]
                    let length = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 0
                    if length == 0 || index + length > body.endIndex || String(validating: body[index ..< index + length], as: UTF8.self) == nil { break }
                    index += length
                    good = index
                }
                throw InputError(file: path, line: line + body[..<good].filter { $0 == 0x0A }.count,
                                 message: "is not valid UTF-8 text", hint: "save it as UTF-8, or declare its encoding in <?xml … encoding=\"…\"?>")
            }
            line += body.filter { $0 == 0x0A }.count
            carry = Array(bytes[end...])
            if chunk == nil { break }
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
