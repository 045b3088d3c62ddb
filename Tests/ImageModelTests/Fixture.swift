import Foundation
import Testing

/// Test images written by ImageBuilder.py (Python's tarfile, gzip and the zstd tool).
enum Fixture {
    static let builder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("ImageBuilder.py").path

    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ta-image-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Builds `scenario` and returns its path (a tar file, or a directory for layouts).
    static func make(_ scenario: String, directory: Bool = false) throws -> String {
        let out = try temporaryDirectory().appendingPathComponent(directory ? "layout" : "\(scenario).tar").path
        if directory { try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true) }
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", builder, scenario, out]
        try python.run()
        python.waitUntilExit()
        #expect(python.terminationStatus == 0, "ImageBuilder.py \(scenario) failed")
        return out
    }

    static func sha256(_ bytes: [UInt8]) -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["sha256sum"]
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        try! p.run()
        input.fileHandleForWriting.write(Data(bytes))
        try! input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return String(text.prefix(64))
    }
}
