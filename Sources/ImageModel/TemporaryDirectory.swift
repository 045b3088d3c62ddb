import Foundation

/// A private (0700) directory for the one case streaming cannot serve: a compressed outer
/// archive or standard input has no offsets to seek to, so it is decompressed here once.
/// Removed when the last image reading from it goes away.
final class TemporaryDirectory: Sendable {
    let path: String

    init() throws(ImageError) {
        let template = FileManager.default.temporaryDirectory.appendingPathComponent("todoaudit-image-XXXXXX").path
        var bytes = Array(template.utf8CString)
        let made = bytes.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard made != nil else { throw .unreadable(path: template, reason: "cannot create a temporary directory") }
        path = String(decoding: bytes.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
