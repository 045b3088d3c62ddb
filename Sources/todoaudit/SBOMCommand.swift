import ArgumentParser
import Foundation
import TodoAuditKit

struct SBOMCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sbom",
        abstract: "Write a CycloneDX XML SBOM of an image: every OS and language package it ships.",
        discussion: """
        Catalogs dpkg (status and status.d), apk, Python (dist-info, egg-info) and npm \
        (package.json) packages over the image's merged file system, one component per \
        package with every path it was found at and the layer that brought it. The output \
        is deterministic: the timestamp is the image's creation date, or SOURCE_DATE_EPOCH \
        when set, and the serial number derives from the image digest.
        """
    )

    @Argument(help: "An image: docker-archive or oci-archive tarball, or an OCI layout directory.")
    var image: String

    @Option(name: [.short, .long], help: "Write the SBOM here instead of to standard output.")
    var output: String?

    @Option(name: .long, help: "CycloneDX version: 1.6 (default) or 1.5.")
    var spec: String = "1.6"

    @Option(name: .customLong("image"), help: "Which image of a multi-image tarball (NAME[:TAG]).")
    var imageName: String?

    @Option(name: .long, help: "Which platform of a multi-platform index (os/arch[/variant]).")
    var platform: String?

    func validate() throws {
        if CycloneDXDocument.SpecVersion(rawValue: spec) == nil { throw ValidationError("--spec takes 1.6 or 1.5.") }
    }

    func run() throws {
        let catalog = try loadCatalog(RuleCatalog.builtIn)
        var sbom = ImageSBOM(imageName: imageName, platform: platform)
        sbom.sourceDateEpoch = sourceDateEpoch
        let documents: [CycloneDXDocument]
        do { documents = try sbom.documents(path: image, catalog: catalog) } catch { throw fail(error.description) }
        guard documents.count == 1 else {
            throw fail("\(image) holds \(documents.count) images; choose one with --image or --platform")
        }
        noteUnreadableMetadata(documents[0])
        let xml: String
        do { xml = try documents[0].xml(CycloneDXDocument.SpecVersion(rawValue: spec)!) } catch { throw fail("SBOM: \(error)") }
        if let output {
            do { try FileHandleOutput.write(xml, to: output) } catch { throw fail("cannot write \(output): \(error.localizedDescription)") }
        } else {
            FileHandleOutput.writeStdout(xml)
        }
    }
}

/// Says on stderr how many package metadata files the SBOM left out as damaged (the SBOM
/// itself records the count in a `todoaudit:catalog:unreadable-metadata` property).
func noteUnreadableMetadata(_ document: CycloneDXDocument) {
    let skipped = document.inventory.unreadable
    guard !skipped.isEmpty else { return }
    var stderr = StandardError()
    print("todoaudit: note: \(skipped.count) package metadata file(s) could not be read and are not in the SBOM, e.g. /\(skipped[0])", to: &stderr)
}
