import Foundation

/// Reading a text file as Excel, R and other tools really write it.
///
/// UTF-8 with or without a byte-order mark, and UTF-16 with a byte-order mark (Excel's "Unicode text")
/// are read. Anything else that is not valid UTF-8, or that holds NUL bytes, is refused with the line
/// of the first bad byte, since guessing a legacy encoding silently changes names.
public enum TextDecoding {
    public static func readText(at path: String, displayName: String? = nil) throws -> String {
        try decode(readData(at: path, displayName: displayName), file: displayName ?? path)
    }

    /// The file's bytes, or an error naming the file that says why they cannot be read.
    public static func readData(at path: String, displayName: String? = nil) throws -> Data {
        do {
            return try InputFile.contents(path)
        } catch {
            throw InputError(file: displayName ?? path, message: "cannot be read: \(FileProblem.describe(error))",
                             hint: "check that the file exists and that you may read it")
        }
    }

    public static func decode(_ data: Data, file: String) throws -> String {
        if data.isEmpty {
            throw InputError(file: file, message: "the file is empty", hint: "a header row is needed at least")
        }
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            guard let text = String(data: data, encoding: .utf16) else {
                throw InputError(file: file, message: "starts with a UTF-16 byte-order mark but is not valid UTF-16",
                                 hint: "save it again as 'CSV UTF-8'")
            }
            return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        }
        let body = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data[...]
        if let nul = body.firstIndex(of: 0) {
            throw InputError(file: file, line: lineNumber(of: nul, in: data),
                             message: "holds binary data (a NUL byte), so it is not a text file",
                             hint: "export the sheet as CSV")
        }
        let validated = body.withUnsafeBytes { bytes in String(validating: bytes.bindMemory(to: UInt8.self), as: UTF8.self) }
        if let text = validated {
            return text
        }
        let bad = firstInvalidUTF8(in: body)
        throw InputError(file: file, line: lineNumber(of: bad, in: data),
                         message: String(format: "is not UTF-8 text (byte 0x%02X)", body[bad]),
                         hint: "save it as 'CSV UTF-8' in Excel, or with fileEncoding = \"UTF-8\" in R")
    }

    /// Checks bytes (after any byte-order mark, at `offset` in `whole`) as `decode` does: no NUL byte,
    /// valid UTF-8. ASCII text, the usual case, is checked in one pass without making a `String`.
    static func checkUTF8(_ bytes: UnsafeRawBufferPointer, whole: Data, offset: Int, file: String) throws {
        if whole.isEmpty {
            throw InputError(file: file, message: "the file is empty", hint: "a header row is needed at least")
        }
        var nonASCII = false
        var nul = -1
        for (i, byte) in bytes.enumerated() {
            if byte == 0 { nul = i; break }
            if byte >= 0x80 { nonASCII = true }
        }
        if nul >= 0 {
            throw InputError(file: file, line: lineNumber(of: whole.startIndex + offset + nul, in: whole),
                             message: "holds binary data (a NUL byte), so it is not a text file",
                             hint: "export the sheet as CSV")
        }
        guard nonASCII, String(validating: bytes.bindMemory(to: UInt8.self), as: UTF8.self) == nil else { return }
        let body = whole[(whole.startIndex + offset)...]
        let bad = firstInvalidUTF8(in: body)
        throw InputError(file: file, line: lineNumber(of: bad, in: whole),
                         message: String(format: "is not UTF-8 text (byte 0x%02X)", body[bad]),
                         hint: "save it as 'CSV UTF-8' in Excel, or with fileEncoding = \"UTF-8\" in R")
    }

    static func lineNumber(of offset: Int, in bytes: Data) -> Int {
        1 + bytes[..<offset].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    static func firstInvalidUTF8(in bytes: Data) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = bytes.startIndex
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return bytes.endIndex
            case .error: return offset
            }
        }
    }
}

enum FileProblem {
    static func describe(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
           let message = strerror(Int32(underlying.code)) {
            return String(cString: message).lowercased()
        }
        if nsError.domain == NSCocoaErrorDomain {
            switch nsError.code {
            case NSFileReadNoSuchFileError: return "no such file"
            case NSFileReadNoPermissionError: return "permission denied"
            default: break
            }
        }
        return nsError.localizedDescription
    }
}

/// Reading a whole input file.
public enum InputFile {
    /// The file's bytes. An empty file is not read at all: Foundation's `Data(contentsOf:)` leaks a
    /// 4 KB buffer on empty files on Linux (found by fuzzing; swift-corelibs-foundation, Swift 6.3).
    /// - Throws: the underlying error when the file cannot be read.
    public static func contents(_ path: String) throws -> Data {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        if let size = attributes[.size] as? Int, size == 0, attributes[.type] as? FileAttributeType == .typeRegular { return Data() }
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }
}
