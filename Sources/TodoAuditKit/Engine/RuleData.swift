/// A YAML value from `Rules/`: rule parameters and shared data lists.
/// Kept as a small Sendable tree so checks never see the YAML library.
public enum RuleData: Sendable, Hashable {
    case string(String)
    case list([RuleData])
    case map([String: RuleData])

    public var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// A list of scalars as strings; a single scalar reads as a list of one.
    public var strings: [String] {
        switch self {
        case .string(let s): return [s]
        case .list(let items): return items.compactMap(\.string)
        case .map: return []
        }
    }

    /// The elements of a list (a mapping's or scalar's: none).
    public var items: [RuleData] {
        if case .list(let items) = self { return items }
        return []
    }

    public subscript(key: String) -> RuleData? {
        if case .map(let m) = self { return m[key] }
        return nil
    }

    public var bool: Bool? {
        switch string?.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }

    public var int: Int? { string.flatMap { Int($0) } }
}

extension RuleData {
    /// Converts what Yams' `load` returns (String, Int, Bool, Double, arrays, dictionaries).
    init?(yaml value: Any?) {
        switch value {
        case let s as String: self = .string(s)
        case let b as Bool: self = .string(b ? "true" : "false")
        case let i as Int: self = .string(String(i))
        case let d as Double: self = .string(String(d))
        case let a as [Any]: self = .list(a.compactMap { RuleData(yaml: $0) })
        case let m as [String: Any]:
            var out: [String: RuleData] = [:]
            for (k, v) in m {
                if let converted = RuleData(yaml: v) { out[k] = converted }
            }
            self = .map(out)
        default: return nil
        }
    }
}
