/// Sizes as people write them: `150MB`, `1.5 GB`, `200MiB`, `123456` (bytes).
/// kB/MB/GB are decimal like `docker images`; KiB/MiB/GiB binary.
public enum ByteSize {
    public static func parse(_ text: String) -> Int64? {
        let t = text.trimmingWhitespace()
        let number = t.prefix { $0.isNumber || $0 == "." }
        let unit = String(t.dropFirst(number.count)).trimmingWhitespace().lowercased()
        guard let value = Double(number), value >= 0 else { return nil }
        let factor: Double
        switch unit {
        case "", "b": factor = 1
        case "k", "kb": factor = 1e3
        case "m", "mb": factor = 1e6
        case "g", "gb": factor = 1e9
        case "kib": factor = 1024
        case "mib": factor = 1024 * 1024
        case "gib": factor = 1024 * 1024 * 1024
        default: return nil
        }
        let bytes = value * factor
        guard bytes < 9e18 else { return nil }
        return Int64(bytes.rounded())
    }
}
