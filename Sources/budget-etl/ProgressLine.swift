import BudgetETL
import Foundation
import Synchronization

/// The progress line a person sees on a terminal: done/total, reports per second and an
/// estimate, redrawn in place at most ten times a second. Off a terminal (cron) it prints nothing.
final class ProgressLine: Sendable {
    private struct State {
        var total = 0
        var done = 0
        var started = ContinuousClock.now
        var lastDrawn = ContinuousClock.now - .seconds(1)
    }

    private let state = Mutex(State())
    let enabled = isatty(STDERR_FILENO) == 1

    var observer: RunObserver {
        RunObserver(
            started: { total in self.state.withLock { $0.total = total; $0.started = .now } },
            finished: { outcome in
                if let error = outcome.error {
                    self.clear()
                    printError("error: \(error)")
                }
                self.advance()
            })
    }

    private func advance() {
        guard enabled else { return }
        let line: String? = state.withLock { state in
            state.done += 1
            let now = ContinuousClock.now
            guard now - state.lastDrawn >= .milliseconds(100) || state.done == state.total else { return nil }
            state.lastDrawn = now
            let elapsed = now - state.started
            let milliseconds = max(1, elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
            let perSecond = state.done * 1000 / Int(milliseconds)
            let left = perSecond > 0 ? (state.total - state.done) / perSecond : 0
            return "\(state.done)/\(state.total) reports, \(perSecond)/s, about \(left)s left"
        }
        if let line { FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8)) }
    }

    func clear() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
