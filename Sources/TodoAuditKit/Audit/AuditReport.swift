/// Everything reporters need: targets, the rules that ran, findings and the score.
public struct AuditReport: Sendable {
    public var targets: [AuditTarget]
    public var rules: [Rule]
    public var findings: [Finding]
    public var score: Score
    /// Image size and what could be saved, when images were scanned (summed over them).
    public var size: ImageSize?
    /// The scanned images' layer tables.
    public var images: [ImageSummary]
    /// What the secret scan of plain files read and skipped (`todoaudit secrets`).
    public var secretStats: SecretScanStats?
    /// The images' SBOMs, when the audit was asked for them (`scan --sbom`).
    public var sboms: [CycloneDXDocument] = []
    /// Findings left out because a baseline lists them (`scan --baseline`); the score counts them.
    public var baselined = 0

    public init(targets: [AuditTarget], rules: [Rule], findings: [Finding], weights: ScoreWeights, images: [ImageSummary] = []) {
        self.targets = targets
        self.rules = rules.sorted { $0.id < $1.id }
        self.findings = findings.sorted(by: Finding.reportOrder)
        self.score = Score(rules: self.rules, findings: self.findings, weights: weights)
        self.images = images
        self.size = images.isEmpty ? nil : ImageSize(
            bytes: images.reduce(0) { $0 + $1.size.bytes },
            optimizationPotentialBytes: images.reduce(0) { $0 + $1.size.optimizationPotentialBytes },
            wastedBytes: images.reduce(0) { $0 + $1.size.wastedBytes }
        )
    }

    /// The policy of `scan` and the hooks: with neither `failUnder` nor `failOn` given (on the
    /// command line or in `.todoaudit.yml`), fail on what would block a release: high and above.
    public func failsPolicyOrDefault(failUnder: Int?, failOn: Severity?) -> Bool {
        failsPolicy(failUnder: failUnder, failOn: failOn ?? (failUnder == nil ? .high : nil))
    }

    /// The exit policy: a score under `failUnder`, or a finding at or above `failOn`.
    public func failsPolicy(failUnder: Int?, failOn: Severity?) -> Bool {
        if let failUnder, score.value < failUnder { return true }
        if let failOn, findings.contains(where: { $0.severity >= failOn }) { return true }
        return false
    }
}

extension AuditReport {
    /// The secret scan's counts: of plain files, or summed over the images' layers.
    public var secretScanStats: SecretScanStats? {
        if let secretStats { return secretStats }
        let scanned = images.compactMap(\.secretStats)
        guard !scanned.isEmpty else { return nil }
        var total = SecretScanStats()
        for s in scanned { total.add(s) }
        return total
    }
}

/// Bytes in an image and bytes it could shed.
public struct ImageSize: Sendable, Hashable {
    public var bytes: Int64
    public var optimizationPotentialBytes: Int64
    /// Bytes of files a later layer deleted or overwrote.
    public var wastedBytes: Int64

    public init(bytes: Int64, optimizationPotentialBytes: Int64, wastedBytes: Int64 = 0) {
        self.bytes = bytes
        self.optimizationPotentialBytes = optimizationPotentialBytes
        self.wastedBytes = wastedBytes
    }
}
