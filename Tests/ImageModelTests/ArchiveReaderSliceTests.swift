import ArchiveReading
import Digesting
import Foundation
import Testing

/// The wrapper extensions the image reader stands on: data offsets, slices, observers.
@Suite struct ArchiveReaderSliceTests {
    @Test func sha256MatchesKnownVectorsAndStreaming() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let hash = SHA256()
        hash.update(Array("a".utf8))
        Array("bc".utf8).withUnsafeBytes { hash.update($0) }
        #expect(hash.finalize() == SHA256.hex(Array("abc".utf8)))
        #expect(hash.finalize() == hash.finalize())
    }

    @Test func dataOffsetPointsAtTheEntryBytes() throws {
        let path = try Fixture.make("docker-legacy")
        let file = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let reader = try ArchiveReader(path: path, offset: 0, length: Int64(file.count), format: .tar)
        var checked = 0
        while let entry = try reader.next() {
            guard entry.kind == .file else { continue }
            let start = Int(reader.dataOffset)
            let inPlace = Array(file[start..<start + Int(entry.size)])
            #expect(inPlace == (try reader.readData(limit: Int(entry.size) + 1)), "\(entry.path)")
            #expect(reader.headerOffset < reader.dataOffset)
            checked += 1
        }
        #expect(checked == 5)
    }

    @Test func sliceReaderStreamsANestedTarAndObservesEveryByte() throws {
        let path = try Fixture.make("docker-legacy")
        let file = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let outer = try ArchiveReader(path: path, offset: 0, length: Int64(file.count), format: .tar)
        var slice: (Int64, Int64)?
        while slice == nil, let entry = try outer.next() {
            if entry.path.hasPrefix("1111") { slice = (outer.dataOffset, entry.size) }
        }
        let (offset, length) = try #require(slice)
        let hash = SHA256()
        var seen = 0
        let inner = try ArchiveReader(path: path, offset: offset, length: length, format: .tar) {
            seen += $0.count
            hash.update($0)
        }
        var names: [String] = []
        var passwd = [UInt8](repeating: 0, count: 8)
        while let entry = try inner.next() {
            names.append(entry.path)
            if entry.path == "etc/passwd" {
                let n = try passwd.withUnsafeMutableBytes { try inner.readData(into: $0) }
                #expect(n == 8)
            } else {
                try inner.skipData()
            }
        }
        try inner.drainSource()
        #expect(names.contains("etc/passwd") && names.contains("bin/sh"))
        #expect(String(decoding: passwd, as: UTF8.self) == "root:x:0")
        #expect(seen == Int(length))
        #expect(hash.finalize() == Fixture.sha256(Array(file[Int(offset)..<Int(offset + length)])))
    }

    @Test func sliceBeyondTheFileIsAnErrorWhenDrained() throws {
        let path = try Fixture.make("docker-legacy")
        let reader = try ArchiveReader(path: path, offset: 0, length: 1_000_000, format: .tar) { _ in }
        while let _ = try reader.next() {}
        #expect(throws: ArchiveError.self) { try reader.drainSource() }
    }
}
