import Foundation
import FuzzSupport
import ImageModel
@testable import TodoAuditKit

/// Arbitrary package metadata written as CycloneDX in every spec version the writer
/// supports; the output must be a well-formed document. The input is NUL-separated fields:
/// the image's name and digest, then per package a selector byte and its fields. Invalid
/// UTF-8 is replaced as the catalogers replace it, so the writer sees what they would hand it.
func fuzzCycloneDX(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    var input = FuzzInput(start, count)
    let subject = CycloneDXDocument.Subject(name: input.text(), digest: input.text(), layerDigests: [input.text(), nil])
    let timestamp = input.text()
    let ecosystems: [SoftwarePackage.Ecosystem] = [.apk, .deb, .golang, .maven, .python, .npm]
    var packages: [SoftwarePackage] = []
    var spdxIDs: Set<String> = []
    while !input.isAtEnd && packages.count < 64 {
        let selector = input.byte()
        let ecosystem = ecosystems[Int(selector) % ecosystems.count]
        let name = input.text(), version = input.text()
        var purl = PackageURL(type: ecosystem.rawValue, namespace: input.text(), name: name, version: version)
        purl.qualifiers[input.text()] = input.text()
        purl.subpath = selector & 0x08 != 0 ? input.text() : nil
        var package = SoftwarePackage(ecosystem: ecosystem, name: name, version: version, purl: purl,
                                      location: input.text(), layer: Int(selector >> 6))
        let license = input.text()
        if selector & 0x10 != 0 { package.license = license } else { package.licenses = license.split(separator: "|").map(String.init) }
        // Some licenses count as SPDX ids, so the `<id>` and `<expression>` forms are written too.
        if selector & 0x20 != 0 { spdxIDs.formUnion(license.split(separator: " ").map(String.init)) }
        package.supplier = input.text()
        package.description = input.text()
        package.hashes[input.text()] = input.text()
        package.properties[input.text()] = input.text()
        package.dependsOn = input.text().split(separator: ",").map(String.init)
        package.provides = input.text().split(separator: ",").map(String.init)
        packages.append(package)
    }
    var inventory = PackageInventory(layers: [], merged: .init())
    if timestamp.hasPrefix("os:") {
        inventory.operatingSystem = OperatingSystem.parse(String(timestamp.dropFirst(3)))
    }
    inventory.components = PackageInventory.fold(packages)
    let document = CycloneDXDocument(inventory: inventory, subject: subject, timestamp: timestamp.isEmpty ? nil : timestamp, spdxIDs: spdxIDs)
    for spec in CycloneDXDocument.SpecVersion.allCases {
        do {
            requireWellFormed(try document.xml(spec), "CycloneDX \(spec.rawValue)")
            // The JSON rendition (and the in-toto statement around it) must read back as JSON.
            requireJSONObject(try document.json(spec), "CycloneDX JSON \(spec.rawValue)")
            if let statement = try? InTotoStatement(document, spec: spec) { requireJSONObject(try statement.json(), "in-toto statement") }
        } catch {
            fatalError("CycloneDX \(spec.rawValue) cannot be written: \(error)")
        }
    }
    return 0
}

/// Stops the run when `text` does not parse as one JSON object.
func requireJSONObject(_ text: String, _ what: String) {
    guard (try? JSONSerialization.jsonObject(with: Data(text.utf8))) is [String: Any] else {
        fatalError("\(what) is not a JSON object")
    }
}
