import Foundation
import TodoAuditKit

/// The `reading todo/backend:v1 · 3/6 layers · 120.4 MB` line on stderr while a big image is
/// read; redrawn at most ten times a second and erased at the end. Only on a terminal.
final class ProgressLine: ScanProgress, @unchecked Sendable {
    private let lock = NSLock()
    private var image = ""
    private var layers = 0
    private var layersDone = 0
    private var bytes: Int64 = 0
    private var lastDraw = Date.distantPast

    static var wanted: Bool { isatty(STDERR_FILENO) == 1 }

    func started(image: String, layers: Int) {
        lock.withLock {
            self.image = image
            self.layers = layers
            layersDone = 0
            bytes = 0
        }
    }

    func read(bytes: Int64) {
        lock.withLock {
            self.bytes += bytes
            drawIfDue()
        }
    }

    func finishedLayer() {
        lock.withLock {
            layersDone += 1
            drawIfDue()
        }
    }

    func finished() {
        lock.withLock { FileHandleOutput.writeStderr("\r\u{1B}[K") }
    }

    private func drawIfDue() {
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        let mb = Double(bytes) / 1_000_000
        FileHandleOutput.writeStderr("\r\u{1B}[Kreading \(image) · \(layersDone)/\(layers) layers · \(String(format: "%.1f", mb)) MB")
    }
}
