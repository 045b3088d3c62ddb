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

    @Option(name: .long, help: "Also write the image and the SBOM (as an OCI artifact whose subject is the image) into this OCI layout directory.")
    var attach: String?

    @Flag(name: .long, help: "With --attach: annotate the SBOM artifact with the tool and the SBOM's timestamp.")
    var annotate = false

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
        let version = CycloneDXDocument.SpecVersion(rawValue: spec)!
        let xml: String
        if let attach {
            // The SBOM names the manifest the layout holds (made for a legacy docker-archive).
            let attachment: SBOMAttachment
            do {
                let blobs = try sbom.blobs(path: image)
                let name = documents[0].subject.name
                var annotations: [String: String]?
                if annotate {
                    annotations = ["org.opencontainers.image.description": "CycloneDX \(spec) SBOM written by \(TodoAudit.name) \(TodoAudit.version)"]
                    if let timestamp = documents[0].timestamp { annotations?["org.opencontainers.image.created"] = timestamp }
                }
                attachment = try SBOMAttachment.attach(documents[0], spec: version, blobs: blobs, layout: attach,
                                                       refName: Self.tag(of: name), imageName: name, annotations: annotations)
            } catch let error as AuditError {
                throw fail(error.description)
            } catch {
                throw fail("\(attach): \(error)")
            }
            var stderr = StandardError()
            print("todoaudit: attached SBOM \(attachment.artifact.digest) to image \(attachment.image.digest) in \(attach)", to: &stderr)
            xml = attachment.xml
        } else {
            do { xml = try documents[0].xml(version) } catch { throw fail("SBOM: \(error)") }
        }
        if let output {
            do { try FileHandleOutput.write(xml, to: output) } catch { throw fail("cannot write \(output): \(error.localizedDescription)") }
        } else {
            FileHandleOutput.writeStdout(xml)
        }
    }
}

extension SBOMCommand {
    /// The tag of `repository:tag` (not a registry port), nil without one.
    static func tag(of name: String) -> String? {
        guard let colon = name.lastIndex(of: ":"), !name[colon...].contains("/") else { return nil }
        return String(name[name.index(after: colon)...])
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
