import ArchiveReading
import Foundation

/// File-level handling of the outer archive before it is indexed: sniffing compression,
/// decompressing or copying standard input into the temporary directory.
extension ImageSource {
    static func magic(_ file: String, label: String) throws(ImageError) -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: file) else {
            throw .unreadable(path: label, reason: "permission denied or not a regular file")
        }
        defer { try? handle.close() }
        do {
            return [UInt8](try handle.read(upToCount: 6) ?? Data())
        } catch {
            throw .unreadable(path: label, reason: "\(error)")
        }
    }

    /// gzip, zstd, xz, bzip2: the compressions `docker save | …` pipelines produce.
    static func isCompressed(_ magic: [UInt8]) -> Bool {
        magic.starts(with: [0x1f, 0x8b]) || magic.starts(with: [0x28, 0xb5, 0x2f, 0xfd])
            || magic.starts(with: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]) || magic.starts(with: Array("BZh".utf8))
    }

    static func size(of file: String) throws(ImageError) -> Int64 {
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: file)
            return (attributes[.size] as? NSNumber)?.int64Value ?? 0
        } catch {
            throw .unreadable(path: file, reason: "\(error)")
        }
    }

    /// Streams the decompressed outer archive into `target`, chunk by chunk.
    static func decompress(_ file: String, into target: String, label: String) throws(ImageError) {
        guard FileManager.default.createFile(atPath: target, contents: nil, attributes: [.posixPermissions: 0o600]),
              let out = FileHandle(forWritingAtPath: target) else {
            throw .unreadable(path: target, reason: "cannot create the temporary copy")
        }
        defer { try? out.close() }
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { chunk.deallocate() }
        do {
            let reader = try ArchiveReader(path: file, offset: 0, length: try size(of: file), format: .raw)
            guard try reader.next() != nil else { throw ImageError.notATar(path: label, reason: "empty") }
            while true {
                let n = try reader.readData(into: chunk)
                if n == 0 { break }
                try out.write(contentsOf: Data(bytesNoCopy: chunk.baseAddress!, count: n, deallocator: .none))
            }
        } catch let error as ImageError {
            throw error
        } catch let error as ArchiveError {
            throw .truncated(path: label, reason: error.message)
        } catch {
            throw .unreadable(path: target, reason: "\(error)")
        }
    }

    /// Copies standard input to `target`, after `prefix`: the bytes a caller already read
    /// to tell an image from a Dockerfile.
    static func copyStandardInput(to target: String, prefix: [UInt8] = []) throws(ImageError) {
        guard FileManager.default.createFile(atPath: target, contents: Data(prefix), attributes: [.posixPermissions: 0o600]),
              let out = FileHandle(forWritingAtPath: target) else {
            throw .unreadable(path: target, reason: "cannot create the temporary copy")
        }
        defer { try? out.close() }
        do {
            try out.seekToEnd()
            while let data = try FileHandle.standardInput.read(upToCount: 1 << 20), !data.isEmpty {
                try out.write(contentsOf: data)
            }
        } catch {
            throw .unreadable(path: "standard input", reason: "\(error)")
        }
    }
}
