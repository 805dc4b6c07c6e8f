import Crypto
import Foundation

/// Where a report's figures come from: each input file with its size and SHA-256.
struct InputFingerprint: Sendable {
    let path: String
    let bytes: Int
    let sha256: String

    /// The files behind each input path: a folder's network files, or the file itself.
    static func of(_ paths: [String]) -> [InputFingerprint] {
        var files: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { continue }
            if isFolder.boolValue {
                let entries = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
                files += entries.filter { !$0.hasPrefix(".") && ["csv", "tsv", "txt", "json"].contains(($0 as NSString).pathExtension.lowercased()) }
                    .map { (path as NSString).appendingPathComponent($0) }
            } else {
                files.append(path)
            }
        }
        return files.compactMap { file in
            guard let data = try? Data(contentsOf: URL(fileURLWithPath: file), options: .alwaysMapped) else { return nil }
            let digest = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
            return InputFingerprint(path: file, bytes: data.count, sha256: digest)
        }
    }
}
