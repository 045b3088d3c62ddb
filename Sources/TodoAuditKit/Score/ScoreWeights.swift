/// How many points a failed rule costs, by its severity; read from `Rules/score.yml`.
public struct ScoreWeights: Sendable, Hashable {
    public var maximum: Int
    public var weights: [Severity: Int]

    public init(maximum: Int, weights: [Severity: Int]) {
        self.maximum = maximum
        self.weights = weights
    }

    init(_ value: RuleData, file: String) throws(RuleLoadError) {
        guard let max = value["max"]?.int, max > 0 else {
            throw RuleLoadError(file: file, problem: "'max' must be a positive whole number")
        }
        var weights: [Severity: Int] = [:]
        for severity in Severity.allCases {
            guard let w = value["weights"]?[severity.rawValue]?.int, w >= 0 else {
                throw RuleLoadError(file: file, problem: "weights.\(severity.rawValue) must be a whole number ≥ 0")
            }
            weights[severity] = w
        }
        self.init(maximum: max, weights: weights)
    }

    public func weight(_ severity: Severity) -> Int { weights[severity] ?? 0 }
}
