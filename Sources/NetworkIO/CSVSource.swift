import Foundation

/// Where a table's bytes come from: text already in memory, or a file read a block at a time.
///
/// A file is never read whole: each part of it being parsed holds one block (`blockSize`, grown
/// only for a row longer than that), so reading a 10 GB register costs its table, not its text.
final class CSVSource: @unchecked Sendable {
    enum Storage {
        case memory(UnsafeRawBufferPointer)
        case file(descriptor: Int32)
    }

    let storage: Storage
    /// The bytes to read are `start ..< end` (after any byte-order mark); a file that shrinks while it is
    /// read ends earlier, for the window that finds it so.
    let start: Int
    let end: Int
    let file: String
    /// Bytes read from a file at a time (a block grows only for a row longer than that).
    let blockSize: Int

    /// The usual `blockSize`.
    static let defaultBlockSize = 1 << 20

    init(memory bytes: UnsafeRawBufferPointer, start: Int, file: String) {
        storage = .memory(bytes)
        self.start = start
        end = bytes.count
        self.file = file
        blockSize = Self.defaultBlockSize
    }

    /// Opens `path`; its first bytes say where the text starts (a UTF-8 byte-order mark is skipped).
    /// - Throws: `InputError` when the file cannot be opened or read.
    init(path: String, file: String, start: Int = 0, blockSize: Int = CSVSource.defaultBlockSize) throws {
        self.blockSize = max(16, blockSize)
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Self.failure(errno, file: file) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let code = errno
            close(descriptor)
            throw Self.failure(code, file: file)
        }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            close(descriptor)
            throw Self.failure(EISDIR, file: file)
        }
        storage = .file(descriptor: descriptor)
        self.file = file
        end = Int(status.st_size)
        self.start = start
    }

    deinit {
        if case .file(let descriptor) = storage { close(descriptor) }
    }

    /// Whether the source is a regular file whose size is known (a pipe's is not: it is read whole first).
    var isMemory: Bool {
        if case .memory = storage { return true }
        return false
    }

    /// Reads up to `count` bytes at `offset` into `buffer`; fewer only at the end of the file. Safe to call
    /// from several threads at once.
    func read(into buffer: UnsafeMutableRawPointer, at offset: Int, count: Int) throws -> Int {
        guard case .file(let descriptor) = storage else { return 0 }
        var done = 0
        while done < count {
            let got = pread(descriptor, buffer + done, count - done, off_t(offset + done))
            if got < 0 {
                if errno == EINTR { continue }
                throw Self.failure(errno, file: file)
            }
            if got == 0 { break }
            done += got
        }
        return done
    }

    static func failure(_ code: Int32, file: String) -> InputError {
        let reason = strerror(code).map { String(cString: $0).lowercased() } ?? "error \(code)"
        return InputError(file: file, message: "cannot be read: \(reason)", hint: "check that the file exists and that you may read it")
    }
}

/// A stretch of a source's bytes being parsed: all of them for text in memory, one block at a time for a file.
struct CSVWindow {
    let source: CSVSource
    /// The bytes at hand: `bytes[i]` is the source's byte at `offset + i`.
    private(set) var bytes: UnsafeBufferPointer<UInt8>
    private(set) var offset: Int
    /// Where the source ends for this window: its end, or earlier where a read found the file shorter.
    private var limit: Int
    private var storage: Block?

    /// A block of memory, freed with the last window holding it.
    final class Block {
        let bytes: UnsafeMutableRawBufferPointer
        init(byteCount: Int) { bytes = .allocate(byteCount: byteCount, alignment: 16) }
        deinit { bytes.deallocate() }
    }

    /// A window on the bytes from `offset` on.
    init(source: CSVSource, offset: Int) throws {
        self.source = source
        self.offset = offset
        limit = source.end
        switch source.storage {
        case .memory(let whole):
            bytes = UnsafeBufferPointer(rebasing: whole.bindMemory(to: UInt8.self)[min(offset, whole.count) ..< source.end])
            storage = nil
        case .file:
            let block = Block(byteCount: source.blockSize)
            storage = block
            bytes = UnsafeBufferPointer(start: block.bytes.baseAddress!.assumingMemoryBound(to: UInt8.self), count: 0)
            _ = try refill(keepingFrom: 0)
        }
    }

    /// Whether the bytes at hand reach the end of the source.
    var atEnd: Bool { offset + bytes.count >= limit }

    /// Drops the bytes before `index` and reads more after those kept (growing the block when the kept
    /// bytes fill half of it). Returns whether more bytes came.
    mutating func refill(keepingFrom index: Int) throws -> Bool {
        guard let block = storage, !atEnd else { return false }
        var buffer = block.bytes
        let kept = bytes.count - index
        if kept > 0, index > 0 {
            memmove(buffer.baseAddress!, buffer.baseAddress! + index, kept)
        }
        if kept * 2 > buffer.count {
            let grown = Block(byteCount: buffer.count * 2)
            grown.bytes.copyMemory(from: UnsafeRawBufferPointer(rebasing: buffer[..<kept]))
            storage = grown
            buffer = grown.bytes
        }
        offset += index
        let wanted = min(buffer.count - kept, max(0, limit - offset - kept))
        let got = try source.read(into: buffer.baseAddress! + kept, at: offset + kept, count: wanted)
        if got < wanted { limit = offset + kept + got }
        bytes = UnsafeBufferPointer(start: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), count: kept + got)
        return got > 0
    }
}
