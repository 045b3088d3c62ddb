/// A fuzzer's input read as a sequence of fields, so one byte string can drive several
/// parameters: a selector byte, then NUL-separated fields. Running out of input is not an
/// error; a missing field reads as empty, so every input means something.
public struct FuzzInput {
    public let bytes: [UInt8]
    private var at = 0

    public init(_ start: UnsafePointer<UInt8>?, _ count: Int) {
        bytes = Array(UnsafeBufferPointer(start: start, count: start == nil ? 0 : count))
    }

    public var isAtEnd: Bool { at >= bytes.count }

    /// The next byte, or 0 past the end.
    public mutating func byte() -> UInt8 {
        guard at < bytes.count else { return 0 }
        defer { at += 1 }
        return bytes[at]
    }

    /// The bytes up to the next NUL (which is consumed), or the rest.
    public mutating func field() -> ArraySlice<UInt8> {
        let end = bytes[at...].firstIndex(of: 0) ?? bytes.count
        defer { at = min(end + 1, bytes.count) }
        return bytes[min(at, end)..<end]
    }

    /// `field()` as text, invalid UTF-8 replaced as the product's readers replace it.
    public mutating func text() -> String {
        String(decoding: field(), as: UTF8.self)
    }

    /// Everything not read yet.
    public mutating func rest() -> ArraySlice<UInt8> {
        defer { at = bytes.count }
        return bytes[min(at, bytes.count)...]
    }
}
