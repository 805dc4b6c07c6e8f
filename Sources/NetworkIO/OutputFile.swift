import Foundation

/// Writing results so that nothing is lost: to a temporary file beside the destination, then renamed into place.
public enum OutputFile {
    /// Writes `data` to `path` atomically.
    /// - Throws: `InputError` naming the file when `path` is one of `inputs` or cannot be written.
    public static func write(_ data: Data, to path: String, inputs: [String] = []) throws {
        let destination = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        for input in inputs {
            let inputURL = URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath()
            let overwritesInput = inputURL.path == destination.path
                || (isFolder(inputURL.path) && destination.deletingLastPathComponent().path == inputURL.path && isNetworkFile(destination))
            if overwritesInput {
                throw InputError(file: path, message: "is an input of this command; refusing to overwrite it",
                                 hint: "choose another output file with -o")
            }
        }
        let folder = destination.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(destination.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try data.write(to: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw InputError(file: path, message: "cannot be written: \(FileProblem.describe(error))",
                             hint: "check that the folder exists and that you may write there")
        }
        // rename(2) replaces the destination atomically: readers see the old file or the new one, never half.
        if rename(temporary.path, destination.path) != 0 {
            let reason = String(cString: strerror(errno)).lowercased()
            try? FileManager.default.removeItem(at: temporary)
            throw InputError(file: path, message: "cannot be written: \(reason)", hint: "check that you may write there")
        }
    }

    static func isFolder(_ path: String) -> Bool {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
    }

    /// Files in a network folder that a reader may read.
    static func isNetworkFile(_ url: URL) -> Bool {
        let name = url.lastPathComponent.lowercased()
        if name == "network.json" { return true }
        let stem = (name as NSString).deletingPathExtension
        return NetworkReader.tableExtensions.contains(url.pathExtension.lowercased())
            && (NetworkReader.stakeholderFileNames + NetworkReader.tieFileNames).contains(stem)
    }
}
