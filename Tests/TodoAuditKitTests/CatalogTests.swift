import Testing
@testable import TodoAuditKit

/// The catalog is consistent: every rule names a registered check, every check is used,
/// ids and names are unique, and every data list a check reads exists.
@Suite struct CatalogTests {
    let catalog = RuleExampleTests.catalog

    @Test func everyRuleNamesARegisteredCheck() {
        for rule in catalog.rules {
            #expect(CheckRegistry.isRegistered(rule), "\(rule.source) names unknown check '\(rule.check)'")
        }
    }

    @Test func everyCheckIsUsed() {
        let used = Set(catalog.rules.map(\.check))
        for name in Array(CheckRegistry.dockerfile.keys) + Array(CheckRegistry.image.keys) + Array(CheckRegistry.files) {
            #expect(used.contains(name), "check '\(name)' has no rule file in Rules/")
        }
    }

    @Test func everyRuleHasFireAndPassExamples() {
        for rule in catalog.rules {
            #expect(rule.examples.contains { $0.expectation == .fire }, "\(rule.source) has no fire example")
            #expect(rule.examples.contains { $0.expectation == .pass }, "\(rule.source) has no pass example")
        }
    }

    @Test func fileNamesCarryIdAndName() {
        for rule in catalog.rules {
            #expect(rule.source.hasSuffix("\(rule.id)-\(rule.name).yml"), "\(rule.source) should be named \(rule.id)-\(rule.name).yml")
        }
    }

    @Test func dataListsExist() {
        for name in ["build-tools", "sdk-images", "nonroot-base-images", "secret-names", "secret-placeholders", "secret-files", "setuid-allowlist", "package-caches"] {
            #expect(catalog.data[name] != nil, "Rules/data/\(name).yml is missing")
        }
    }

    @Test func secretKindsCompile() throws {
        #expect(catalog.secretKinds.count >= 60, "Rules/secrets/ should hold at least 60 kinds")
        if case .failure(let error) = catalog.secretRuleSet() { Issue.record("\(error)") }
    }

    @Test func ruleWithoutExamplesIsRejected() {
        let yaml = """
        id: TA1999
        name: no-examples
        category: hardening
        severity: low
        applies-to: [dockerfile]
        title: t
        checklist: c
        description: d
        remediation: r
        check: maintainer
        """
        #expect(throws: RuleLoadError.self) {
            try RuleCatalog.load(files: [("score.yml", "max: 10\nweights: {critical: 5, high: 3, medium: 2, low: 1, info: 0}\n"), ("x/TA1999-no-examples.yml", yaml)])
        }
    }

    @Test func unknownKeyIsRejected() {
        let yaml = "id: TA1998\nname: typo\nseverty: low\n"
        #expect(throws: RuleLoadError.self) {
            try RuleCatalog.load(files: [("score.yml", "max: 10\nweights: {critical: 5, high: 3, medium: 2, low: 1, info: 0}\n"), ("x/TA1998-typo.yml", yaml)])
        }
    }
}
