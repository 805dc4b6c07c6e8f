import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program as a child process with `posix_spawn` (never `fork` alone: this process has threads),
/// its standard input from `/dev/null` and its standard output and error into files, and waits for it
/// with a time limit. The one file of this module that spawns processes.
///
/// Synchronous by design: rendering is called from synchronous code (the tool's commands, the report, and
/// tests running on Swift's cooperative thread pool), where blocking on an asynchronous spawner such as
/// swift-subprocess would need a semaphore across the pool. Waiting is a `waitpid(WNOHANG)` poll, starting at
/// 1 ms and backing off to 20 ms, so a render adds well under a millisecond of latency on average.
enum ChildProcess {
    enum Termination: Equatable {
        case exited(Int32)
        case signalled(Int32)
        case timedOut
    }

    struct SpawnError: Error {
        let code: Int32
        var description: String { String(cString: strerror(code)) }
    }

    /// Runs `executable` with `arguments` (not counting the program name) and `environment` additions,
    /// standard output to `outputPath` and standard error to `errorPath`; kills it (SIGKILL) after `timeout` seconds.
    static func run(_ executable: String, arguments: [String], environment additions: [String: String],
                    outputPath: String, errorPath: String, timeout: Double) throws -> Termination {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The child starts with every signal at its default action and none blocked, whatever this process set.
        var all = sigset_t(), none = sigset_t()
        sigfillset(&all)
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = currentEnvironment(replacing: additions).map { strdup($0) } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid = pid_t()
        var spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        // ETXTBSY: the program is open for writing somewhere, typically copied by another thread's child in
        // the moment between its fork and its exec; that passes within milliseconds.
        var attempts = 1
        while spawned == ETXTBSY && attempts < 20 {
            usleep(10_000)
            spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
            attempts += 1
        }
        guard spawned == 0 else { throw SpawnError(code: spawned) }
        return wait(for: pid, timeout: timeout)
    }

    /// This process's environment as it is now (`environ`, so `setenv` since start-up counts), with `additions` set.
    private static func currentEnvironment(replacing additions: [String: String]) -> [String] {
        var entries: [String] = []
        var cursor = environ
        while let entry = cursor.pointee {
            let text = String(cString: entry)
            let key = text.prefix { $0 != "=" }
            if additions[String(key)] == nil { entries.append(text) }
            cursor += 1
        }
        return entries + additions.map { "\($0.key)=\($0.value)" }.sorted()
    }

    private static func wait(for pid: pid_t, timeout: Double) -> Termination {
        let deadline = Date().addingTimeInterval(timeout)
        var pause: useconds_t = 1000
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { return decode(status) }
            if result == -1 && errno != EINTR { return .exited(-1) }
            if Date() >= deadline {
                kill(pid, SIGKILL)
                while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
                return .timedOut
            }
            usleep(pause)
            pause = Swift.min(pause * 2, 20_000)
        }
    }

    /// `WIFEXITED`/`WEXITSTATUS`/`WTERMSIG`, which Swift cannot import as macros (same layout on Linux and macOS).
    private static func decode(_ status: Int32) -> Termination {
        let signal = status & 0x7F
        return signal == 0 ? .exited((status >> 8) & 0xFF) : .signalled(signal)
    }
}
