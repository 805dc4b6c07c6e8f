import CLibXML2
import Foundation

/// What a streaming XML reader is told, element by element (local names; prefixes dropped). The
/// attributes and the namespace are views of the parser's buffers, valid during the call only.
protocol XMLEventHandler: AnyObject {
    func start(_ name: String, namespace: XMLNamespace, attributes: XMLAttributes, line: Int) throws
    func end(_ name: String) throws
    /// Character data (UTF-8, valid during the call only), delivered only while `wantsText` is true.
    func text(_ bytes: UnsafeBufferPointer<UInt8>)
    var wantsText: Bool { get }
}

/// An element's attributes as libxml2's SAX2 parser gives them (five pointers per attribute: local name,
/// prefix, namespace, value start, value end); looked up by local name without building a dictionary.
struct XMLAttributes {
    fileprivate let base: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    fileprivate let count: Int

    subscript(_ name: String) -> String? {
        bytes(of: name).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The value's bytes, without making a string of them; valid during the call only.
    func bytes(of name: String) -> UnsafeBufferPointer<UInt8>? {
        guard let base, count > 0 else { return nil }
        var name = name
        return name.withUTF8 { wanted -> UnsafeBufferPointer<UInt8>? in
            for i in 0 ..< count {
                let entry = base + 5 * i
                guard let local = entry[0], let start = entry[3], let end = entry[4],
                      memcmp(local, wanted.baseAddress!, wanted.count) == 0, local[wanted.count] == 0 else { continue }
                return UnsafeBufferPointer(start: start, count: end - start)
            }
            return nil
        }
    }
}

/// An element's namespace name, read only when asked.
struct XMLNamespace {
    fileprivate let uri: UnsafePointer<xmlChar>?

    var string: String? { uri.map { String(cString: $0) } }
    func contains(_ part: String) -> Bool {
        guard let uri else { return false }
        return part.withCString { strstr(UnsafeRawPointer(uri).assumingMemoryBound(to: CChar.self), $0) != nil }
    }
}

/// Parsing XML from untrusted files safely, with libxml2's SAX2 push parser fed 1 MB at a time (no tree is
/// built: a million-node GraphML file needs its records, not its markup, in memory). A document type that
/// declares entities (the "billion laughs" expansion) or names an external one is refused — before parsing,
/// from the prolog, and by the parser's callbacks wherever it comes; only XML's five predefined entities
/// resolve; nothing is fetched from the network or another file; files over `sizeLimit` are refused; a
/// UTF-8 document is checked to be valid UTF-8, with the line of the first bad byte, as it is read.
enum SafeXML {
    static let sizeLimit = 2 << 30
    static let chunkSize = 1 << 20

    /// Streams the document's elements to `handler`.
    /// - Throws: `InputError` with the line of the problem, or what the handler throws.
    static func stream(_ path: String, to handler: XMLEventHandler) throws {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = attributes?[.size] as? Int, size > sizeLimit {
            throw InputError(file: path, message: "is \(size >> 20) MB, over the \(sizeLimit >> 30) GB StakeNet reads as XML",
                             hint: "split the network, or convert it to a CSV folder with another tool")
        }
        // One buffer, filled again for each chunk (a fresh megabyte per chunk cost page faults and zeroing).
        let source = try CSVSource(path: path, file: path)
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        var offset = 0
        func readChunk() throws -> Int {
            let got = try buffer.withUnsafeMutableBytes { try source.read(into: $0.baseAddress!, at: offset, count: chunkSize) }
            offset += got
            return got
        }
        var got = try readChunk()
        let head = Data(buffer[..<got])
        if head.isEmpty { throw InputError(file: path, message: "the file is empty", hint: "an XML network file holds at least its root element") }
        try refuseEntities(head, file: path)
        let checker = declaresUTF8(head) ? UTF8Checker(file: path) : nil

        let session = Session(handler: handler, file: path)
        var sax = Session.callbacks()
        let unmanaged = Unmanaged.passRetained(session)
        defer { unmanaged.release() }
        guard let parser = xmlCreatePushParserCtxt(&sax, unmanaged.toOpaque(), nil, 0, path) else {
            throw InputError(file: path, message: "cannot be parsed (the XML parser could not start)", hint: "try again; if it persists, report it")
        }
        defer {
            // A document type makes libxml2 build a document to hold it, which the context does not own.
            if let document = parser.pointee.myDoc { xmlFreeDoc(document) }
            xmlFreeParserCtxt(parser)
        }
        // Predefined entities decoded in attribute values too (no others can be declared); no network.
        xmlCtxtUseOptions(parser, Int32(XML_PARSE_NOENT.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue))
        session.parser = parser

        // The parser's status: libxml2's error number of the first fatal problem, 0 while well-formed.
        var status: Int32 = 0
        while got > 0 {
            try buffer.withUnsafeBytes { bytes in
                let chunk = UnsafeRawBufferPointer(rebasing: bytes[..<got])
                try checker?.check(chunk, last: false)
                status = xmlParseChunk(parser, chunk.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(chunk.count), 0)
            }
            if status != 0 || session.stopped { break }
            got = try readChunk()
        }
        if status == 0 && !session.stopped {
            try checker?.check(UnsafeRawBufferPointer(start: nil, count: 0), last: true)
            status = xmlParseChunk(parser, nil, 0, 1)
        }
        if let error = session.handlerError { throw error }
        if let failure = session.failure ?? (status != 0 || !session.sawRoot ? (session.line, session.sawRoot ? "parser error \(status)" : "no root element") : nil) {
            throw InputError(file: path, line: failure.line, message: "is not well-formed XML: \(failure.message)",
                             hint: "check the markup near that line (an unclosed element or a stray '<' or '&')")
        }
    }

    /// One parse: the handler, the first problem, and libxml2's callbacks, which reach it through the
    /// parser's user data.
    final class Session {
        /// Unretained: `stream`'s caller holds the handler for the whole parse.
        unowned(unsafe) let handler: XMLEventHandler
        let file: String
        var parser: xmlParserCtxtPtr?
        var handlerError: Error?
        var failure: (line: Int, message: String)?
        var sawRoot = false
        /// Whether the handler threw or the parser found a problem: later events are ignored.
        var stopped = false

        init(handler: XMLEventHandler, file: String) {
            self.handler = handler
            self.file = file
        }

        var line: Int { parser.map { Int(xmlSAX2GetLineNumber($0)) } ?? 0 }

        func stop(_ error: Error) {
            guard handlerError == nil else { return }
            handlerError = error
            stopped = true
            if let parser { xmlStopParser(parser) }
        }

        /// The session a callback is for, without retaining it (the parse holds it).
        static func with(_ context: UnsafeMutableRawPointer?, _ body: (Session) -> Void) {
            Unmanaged<Session>.fromOpaque(context!)._withUnsafeGuaranteedRef(body)
        }

        /// Element names met so far: libxml2 keeps one copy of each name in the parser's dictionary, so
        /// the pointer identifies it and its string is made once.
        private var names: [(UnsafePointer<xmlChar>, String)] = []

        func name(_ bytes: UnsafePointer<xmlChar>?) -> String {
            guard let bytes else { return "" }
            for (pointer, name) in names where pointer == bytes { return name }
            let name = String(cString: bytes)
            if names.count < 64 { names.append((bytes, name)) }
            return name
        }

        static func callbacks() -> xmlSAXHandler {
            var sax = xmlSAXHandler()
            sax.initialized = UInt32(XML_SAX2_MAGIC)
            sax.startElementNs = { context, localName, _, uri, _, _, attributeCount, _, attributes in
                Session.with(context) { session in
                    guard !session.stopped else { return }
                    session.sawRoot = true
                    do {
                        try session.handler.start(session.name(localName), namespace: XMLNamespace(uri: uri),
                                                  attributes: XMLAttributes(base: attributes, count: Int(attributeCount)), line: session.line)
                    } catch { session.stop(error) }
                }
            }
            sax.endElementNs = { context, localName, _, _ in
                Session.with(context) { session in
                    guard !session.stopped else { return }
                    do { try session.handler.end(session.name(localName)) } catch { session.stop(error) }
                }
            }
            let characters: charactersSAXFunc = { context, bytes, count in
                Session.with(context) { session in
                    guard !session.stopped, session.handler.wantsText, let bytes else { return }
                    session.handler.text(UnsafeBufferPointer(start: bytes, count: Int(count)))
                }
            }
            sax.characters = characters
            sax.ignorableWhitespace = characters
            sax.cdataBlock = characters
            // Only the predefined entities (&amp; &lt; &gt; &quot; &apos;), which libxml2 resolves before asking.
            sax.getEntity = { _, _ in nil }
            sax.internalSubset = { context, _, externalID, systemID in
                guard externalID != nil || systemID != nil else { return }
                Session.with(context) { session in
                    session.stop(InputError(file: session.file, line: session.line, message: "refers to an external document type",
                                            hint: "StakeNet never fetches external files; remove the <!DOCTYPE …> line"))
                }
            }
            sax.entityDecl = { context, _, _, _, _, _ in
                Session.with(context) { session in
                    session.stop(InputError(file: session.file, line: session.line, message: "declares XML entities in its document type",
                                            hint: "StakeNet refuses entity declarations, which can expand without bound (the 'billion laughs' attack); remove the <!DOCTYPE …> block"))
                }
            }
            sax.serror = { context, error in
                guard let context, let error, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
                Session.with(context) { session in
                    guard !session.stopped else { return }
                    let message = error.pointee.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
                    session.failure = (Int(error.pointee.line), message.isEmpty ? "parser error \(error.pointee.code)" : message)
                    session.stopped = true
                }
            }
            return sax
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

    /// Refuses a UTF-8 document holding invalid UTF-8 or NUL bytes, with the line of the first, chunk by
    /// chunk before the parser sees it (libxml2's own message would name neither the byte nor the problem).
    final class UTF8Checker {
        let file: String
        /// Bytes checked before the held-back ones.
        private var offset = 0
        private var carry = Data()

        init(file: String) { self.file = file }

        /// Checks `chunk` after what the last call held back (an incomplete sequence at its end). Lines are
        /// counted only for a message, from the file.
        func check(_ chunk: UnsafeRawBufferPointer, last: Bool) throws {
            if carry.isEmpty {
                try check(bytes: chunk, last: last)
            } else {
                var bytes = carry
                bytes.append(contentsOf: chunk)
                try bytes.withUnsafeBytes { try check(bytes: $0, last: last) }
            }
        }

        private func check(bytes: UnsafeRawBufferPointer, last: Bool) throws {
            if bytes.isEmpty { return }
            let end = last ? bytes.count : { (raw: UnsafeRawBufferPointer) -> Int in
                let count = raw.count
                var back = 0
                while back < 3 && count - back - 1 >= 0 && raw[count - back - 1] & 0xC0 == 0x80 { back += 1 }
                let lead = count - back - 1
                guard lead >= 0 else { return count }
                let b = raw[lead]
                let needed = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : 0
                return needed > back ? lead : count
            }(bytes)
            try { (raw: UnsafeRawBufferPointer) throws -> Void in
                let body = UnsafeRawBufferPointer(start: raw.baseAddress, count: end)
                guard let base = body.baseAddress, end > 0 else { return }
                if let nul = memchr(base, 0, end) {
                    throw InputError(file: file, line: lineOf(offset + (UnsafeRawPointer(nul) - base)),
                                     message: "holds binary data (a NUL byte), so it is not an XML text file", hint: "export the network again as GraphML or GEXF")
                }
                if String(validating: body, as: UTF8.self) == nil {
                    // Find the first bad byte.
                    var index = 0
                    while index < end {
                        let b = body[index]
                        let length = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 0
                        if length == 0 || index + length > end
                            || String(validating: UnsafeRawBufferPointer(start: base + index, count: length), as: UTF8.self) == nil { break }
                        index += length
                    }
                    throw InputError(file: file, line: lineOf(offset + index),
                                     message: "is not valid UTF-8 text", hint: "save it as UTF-8, or declare its encoding in <?xml … encoding=\"…\"?>")
                }
            }(bytes)
            offset += end
            carry = end < bytes.count ? Data(bytes[end...]) : Data()
        }

        /// The line of the byte at `position` in the file (1 for the first).
        func lineOf(_ position: Int) -> Int {
            guard let handle = FileHandle(forReadingAtPath: file) else { return 1 }
            defer { try? handle.close() }
            var line = 1, seen = 0
            while seen < position, let chunk = try? handle.read(upToCount: min(chunkSize, position - seen)), !chunk.isEmpty {
                chunk.withUnsafeBytes { raw in
                    guard var next = raw.baseAddress else { return }
                    let end = next + raw.count
                    while next < end, let found = memchr(next, 0x0A, end - next) {
                        line += 1
                        next = UnsafeRawPointer(found) + 1
                    }
                }
                seen += chunk.count
            }
            return line
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
}
