/// A zip archive with stored (uncompressed) entries, enough to build jar fixtures in
/// memory: local headers, central directory, end record, CRC-32 per entry.
enum StoredZip {
    static func make(_ entries: [(name: String, data: [UInt8])]) -> [UInt8] {
        var out: [UInt8] = [], central: [UInt8] = []
        func le16(_ v: Int, _ into: inout [UInt8]) { into += [UInt8(v & 0xff), UInt8(v >> 8 & 0xff)] }
        func le32(_ v: UInt32, _ into: inout [UInt8]) { into += (0..<4).map { UInt8(v >> (8 * $0) & 0xff) } }
        for entry in entries {
            let name = Array(entry.name.utf8), crc = crc32(entry.data), offset = UInt32(out.count)
            le32(0x0403_4b50, &out); le16(20, &out); le16(0, &out); le16(0, &out); le16(0, &out); le16(0x21, &out)
            le32(crc, &out); le32(UInt32(entry.data.count), &out); le32(UInt32(entry.data.count), &out)
            le16(name.count, &out); le16(0, &out); out += name + entry.data
            le32(0x0201_4b50, &central); le16(20, &central); le16(20, &central); le16(0, &central); le16(0, &central)
            le16(0, &central); le16(0x21, &central); le32(crc, &central)
            le32(UInt32(entry.data.count), &central); le32(UInt32(entry.data.count), &central)
            le16(name.count, &central); le16(0, &central); le16(0, &central); le16(0, &central); le16(0, &central)
            le32(0o100644 << 16, &central); le32(offset, &central); central += name
        }
        let start = out.count
        out += central
        le32(0x0605_4b50, &out); le16(0, &out); le16(0, &out); le16(entries.count, &out); le16(entries.count, &out)
        le32(UInt32(central.count), &out); le32(UInt32(start), &out); le16(0, &out)
        return out
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xffff_ffff
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xedb8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
