extension RuleEngine {
    /// Image findings and the bytes fixing them would save (wasted layers, caches, build tools).
    public func evaluate(_ image: ImageFacts, rules: [Rule]? = nil) -> (findings: [Finding], size: ImageSize) {
        var findings: [Finding] = []
        var reclaimable: Int64 = 0
        for rule in rules ?? activeRules(for: .image) {
            guard let check = CheckRegistry.image[rule.check] else { continue }
            for violation in check.evaluate(image, CheckInput(rule: rule, catalog: catalog, configuration: configuration)) {
                reclaimable += violation.reclaimableBytes
                var (location, place) = Self.location(violation.place, in: image)
                location.line = violation.line
                location.image = image.name
                location.imagePath = image.path
                if violation.layers.count > 1 {
                    location.layers = violation.layers.map { i in
                        (image.layers.indices.contains(i) ? image.layers[i].digest : nil) ?? "layer \(i + 1)"
                    }
                }
                var finding = Finding(
                    ruleID: rule.id, ruleName: rule.name, severity: configuration.severity(of: rule, found: violation.severity),
                    category: rule.category, message: violation.message, location: location,
                    evidence: violation.evidence, remediation: rule.remediation,
                    fingerprint: violation.identity ?? Fingerprint.of([rule.id, image.name, place])
                )
                finding.secretKind = violation.secretKind
                findings.append(finding)
            }
        }
        let wasted = image.merged.wastedBytes
        let total = image.totalBytes
        return (findings.sorted(by: Finding.reportOrder),
                ImageSize(bytes: total, optimizationPotentialBytes: min(total, wasted + reclaimable), wastedBytes: wasted))
    }

    /// Where a violation is, and the stable `place` text examples and fingerprints use.
    static func location(_ place: ImageViolation.Place, in image: ImageFacts) -> (Location, String) {
        func layerName(_ i: Int) -> String {
            (image.layers.indices.contains(i) ? image.layers[i].digest : nil) ?? "layer \(i + 1)"
        }
        switch place {
        case .file(let path, let layer):
            return (Location(kind: .image, path: "/" + path, layer: layerName(layer), layerIndex: layer), "file:\(path)")
        case .config(let field):
            return (Location(kind: .config, path: field), "config:\(field)")
        case .image:
            return (Location(kind: .image, path: image.name), "image")
        case .layer(let i):
            return (Location(kind: .image, path: image.name, layer: layerName(i), layerIndex: i), "layer:\(i + 1)")
        }
    }
}
