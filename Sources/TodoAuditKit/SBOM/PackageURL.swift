/// A package URL (`pkg:type/namespace/name@version?qualifiers#subpath`) in the canonical
/// form of the purl specification: type lower-cased, every component percent-encoded
/// except the unreserved characters (`A-Z a-z 0-9 . - _ ~`) and `:`, qualifiers sorted by
/// key, empty qualifier values left out. So Debian's `2.36-9+deb12u4` becomes
/// `2.36-9%2Bdeb12u4` and npm's `@next` scope `%40next`.
public struct PackageURL: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var type: String
    public var namespace: String?
    public var name: String
    public var version: String?
    public var qualifiers: [String: String]
    public var subpath: String?

    public init(type: String, namespace: String? = nil, name: String, version: String? = nil,
                qualifiers: [String: String] = [:], subpath: String? = nil) {
        self.type = type.lowercased()
        self.namespace = namespace
        self.name = name
        self.version = version
        self.qualifiers = qualifiers
        self.subpath = subpath
    }

    public var description: String {
        var out = "pkg:" + type + "/"
        if let namespace, !namespace.isEmpty {
            out += namespace.split(separator: "/").map { Self.encode(String($0)) }.joined(separator: "/") + "/"
        }
        out += Self.encode(name)
        if let version, !version.isEmpty { out += "@" + Self.encode(version) }
        let kept = qualifiers.filter { !$0.value.isEmpty }.sorted { $0.key.lowercased() < $1.key.lowercased() }
        if !kept.isEmpty {
            out += "?" + kept.map { $0.key.lowercased() + "=" + Self.encode($0.value) }.joined(separator: "&")
        }
        if let subpath, !subpath.isEmpty {
            let segments = subpath.split(separator: "/").filter { $0 != "." && $0 != ".." }
            if !segments.isEmpty { out += "#" + segments.map { Self.encode(String($0)) }.joined(separator: "/") }
        }
        return out
    }

    public static func < (a: PackageURL, b: PackageURL) -> Bool { a.description < b.description }

    static func encode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: ":"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".utf8)
                out += "%" + String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 15)]], as: UTF8.self)
            }
        }
        return out
    }
}
