/// RFC 822-style records as dpkg's `status` and Python's `METADATA` write them: `Key: value`
/// fields, continuation lines starting with a space or tab, records separated by blank
/// lines. Malformed lines are skipped, never fatal.
struct ControlStanza {
    /// Field name as written → value, continuation lines joined with a newline.
    var fields: [String: String] = [:]
    /// Repeated fields (`Classifier`) in order.
    var repeated: [String: [String]] = [:]
    /// Every field line in file order (apk's `F:` directory then its `R:` files).
    var lines: [(key: String, value: String)] = []

    subscript(_ key: String) -> String? { fields[key] }

    /// Every record of `text`; `stopAtBody` ends at the first blank line (a METADATA
    /// file's description body follows it).
    static func parse(_ text: String, stopAtBody: Bool = false) -> [ControlStanza] {
        var out: [ControlStanza] = []
        var current = ControlStanza()
        var lastKey: String?
        func flush() {
            if !current.fields.isEmpty { out.append(current) }
            current = ControlStanza()
            lastKey = nil
        }
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
                if stopAtBody && !current.fields.isEmpty { break }
                flush()
                continue
            }
            if line.first == " " || line.first == "\t" {
                guard let key = lastKey else { continue }
                let more = line.drop { $0 == " " || $0 == "\t" }
                current.fields[key, default: ""] += "\n" + more
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = String(line[..<colon])
            let value = String(line[line.index(after: colon)...].drop { $0 == " " || $0 == "\t" })
            guard !key.isEmpty, !key.contains(" ") else { continue }
            if current.fields[key] == nil { current.fields[key] = value }
            current.repeated[key, default: []].append(value)
            current.lines.append((key, value))
            lastKey = key
        }
        flush()
        return out
    }
}
