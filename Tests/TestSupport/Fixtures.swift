import Foundation

/// Where the package's files are, for tests.
public enum Fixtures {
    /// The package's top folder.
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Tests/Fixtures/…`
    public static func path(_ relative: String) -> String {
        packageRoot.appendingPathComponent("Tests/Fixtures").appendingPathComponent(relative).path
    }

    /// `Tests/Fixtures/reference/datasets/NAME`
    public static func dataset(_ name: String) -> String { path("reference/datasets/\(name)") }

    /// The top-level file of reference values, decoded.
    public static func referenceJSON(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path("reference/\(name)")))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    /// A bundled network under `Networks/`.
    public static func network(_ name: String) -> String {
        packageRoot.appendingPathComponent("Networks").appendingPathComponent(name).path
    }
}

/// A fresh temporary folder holding the given files, removed when the value is released.
public final class TemporaryFolder {
    public let path: String

    public init(files: [String: String] = [:]) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("stakenet-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, contents) in files { try write(name, contents) }
    }

    /// Writes a file (UTF-8) inside the folder; returns its path.
    @discardableResult
    public func write(_ name: String, _ contents: String) throws -> String {
        try write(name, bytes: Data(contents.utf8))
    }

    @discardableResult
    public func write(_ name: String, bytes: Data) throws -> String {
        let file = (path as NSString).appendingPathComponent(name)
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try bytes.write(to: URL(fileURLWithPath: file))
        return file
    }

    public func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// Approximate equality for floating-point results, with both tolerances stated at the call.
public func isClose(_ a: Double, _ b: Double, relative: Double = 1e-12, absolute: Double = 1e-12) -> Bool {
    if a == b { return true }
    return abs(a - b) <= max(absolute, relative * max(abs(a), abs(b)))
}
