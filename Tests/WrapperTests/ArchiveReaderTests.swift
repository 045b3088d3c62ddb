import ArchiveReading
import Foundation
import Testing

/// Real archives made by the real `tar`, read back through the libarchive wrapper.
@Suite struct ArchiveReaderTests {
    func makeTar(compress: String?) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ta-archive-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("src/etc"), withIntermediateDirectories: true)
        try Data("root:x:0:0:root:/root:/bin/sh\n".utf8).write(to: dir.appendingPathComponent("src/etc/passwd"))
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("src/link").path, withDestinationPath: "etc/passwd")
        let out = dir.appendingPathComponent("layer.tar" + (compress.map { ".\($0)" } ?? "")).path
        var args = ["-C", dir.appendingPathComponent("src").path, "-cf", out]
        if compress == "gz" { args.insert("-z", at: 0) }
        args += ["etc", "link"]
        let tar = Process()
        tar.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        tar.arguments = ["tar"] + args
        try tar.run()
        tar.waitUntilExit()
        #expect(tar.terminationStatus == 0)
        return out
    }

    @Test(arguments: [nil, "gz"])
    func readsEntriesAndData(compress: String?) throws {
        let reader = try ArchiveReader(path: try makeTar(compress: compress))
        var seen: [String: ArchiveEntry] = [:]
        var passwd: [UInt8] = []
        while let entry = try reader.next() {
            seen[entry.path] = entry
            if entry.path == "etc/passwd" { passwd = try reader.readData(limit: 1 << 20) }
        }
        #expect(seen["etc/"]?.kind == .directory || seen["etc"]?.kind == .directory)
        #expect(seen["etc/passwd"]?.kind == .file)
        #expect(seen["etc/passwd"]?.size == 30)
        #expect(seen["link"]?.kind == .symlink)
        #expect(seen["link"]?.linkTarget == "etc/passwd")
        #expect(String(decoding: passwd, as: UTF8.self).hasPrefix("root:x:0:0"))
    }

    @Test func truncatedArchiveIsAnErrorNotACrash() throws {
        let path = try makeTar(compress: "gz")
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(throws: ArchiveError.self) {
            let reader = try ArchiveReader(bytes: Array(bytes.prefix(bytes.count / 2)))
            while let _ = try reader.next() { _ = try reader.readData(limit: 1 << 20) }
        }
    }

    /// A generous limit (a cap of 64 MiB for a 30-byte file) must not cost its size: an
    /// image keeps hundreds of such small files in memory at once.
    @Test func smallEntryUnderALargeLimitStaysSmall() throws {
        let reader = try ArchiveReader(path: try makeTar(compress: "gz"))
        var checked = false
        while let entry = try reader.next() {
            guard entry.path == "etc/passwd" else { continue }
            var data: [UInt8] = Array("head:".utf8)
            try reader.readData(appendingTo: &data, limit: 64 << 20)
            #expect(String(decoding: data, as: UTF8.self) == "head:root:x:0:0:root:/root:/bin/sh\n")
            #expect(data.capacity < 64 << 10)
            checked = true
        }
        #expect(checked)
    }

    @Test func limitStopsReadingEarly() throws {
        let reader = try ArchiveReader(path: try makeTar(compress: nil))
        var checked = false
        while let entry = try reader.next() {
            guard entry.path == "etc/passwd" else { continue }
            #expect(try reader.readData(limit: 4) == Array("root".utf8))
            checked = true
        }
        #expect(checked)
    }
}
