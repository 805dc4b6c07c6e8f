import Foundation

/// Progress messages on standard error, only when it is a terminal and not `--quiet`.
struct Progress: Sendable {
    let enabled: Bool

    init(quiet: Bool) {
        enabled = !quiet && isatty(STDERR_FILENO) != 0
    }

    func say(_ message: String) {
        guard enabled else { return }
        Terminal.write("\r\u{1B}[Kstakenet: \(message)…", to: .standardError)
    }

    func done() {
        guard enabled else { return }
        Terminal.write("\r\u{1B}[K", to: .standardError)
    }
}
