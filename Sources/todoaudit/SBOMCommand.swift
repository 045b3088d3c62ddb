import ArgumentParser
import Foundation
import TodoAuditKit

struct SBOMCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sbom",
        abstract: "Write a CycloneDX SBOM (XML or JSON) of an image: every OS and language package it ships.",
        discussion: """
        Catalogs dpkg (status and status.d), apk, Python (dist-info, egg-info), npm \
        (package.json, package-lock.json), Go (build info of executables) and Java (jars, \
        wars, ears, nested jars) packages over the image's merged file system, one component \
        per package with every path it was found at and the layer that brought it. The output \
        is deterministic: the timestamp is the image's creation date, or SOURCE_DATE_EPOCH \
        when set, and the serial number derives from the image digest. --attach puts the \
        image and the SBOM (as an OCI artifact whose subject is the image) into an OCI layout; \
        --push sends the artifact to a registry. --in-toto wraps the SBOM in an in-toto \
        statement whose subject is the image's manifest digest (for a docker-archive without \
        --attach or --push, which has no manifest, its image ID).
        """
    )

    @Argument(help: "An image: docker-archive or oci-archive tarball, or an OCI layout directory.")
    var image: String

    @Option(name: [.short, .long], help: "Write the SBOM here instead of to standard output.")
    var output: String?

    @Option(name: .long, help: "CycloneDX version: 1.6 (default) or 1.5.")
    var spec: String = "1.6"

    @Option(name: .long, help: "CycloneDX rendition: xml (default) or json.")
    var format: String = "xml"

    @Option(name: .long, help: "Also write an in-toto Statement v1 (predicate type https://cyclonedx.org/bom, the SBOM as JSON) to FILE; with --attach or --push it is attached to the image too.")
    var inToto: String?

    @Option(name: .customLong("image"), help: "Which image of a multi-image tarball (NAME[:TAG]).")
    var imageName: String?

    @Option(name: .long, help: "Which platform of a multi-platform index (os/arch[/variant]).")
    var platform: String?

    @Option(name: .long, help: "Also write the image and the SBOM (as an OCI artifact whose subject is the image) into this OCI layout directory.")
    var attach: String?

    @Flag(name: .long, help: "With --attach or --push: annotate the SBOM artifact with the tool and the SBOM's timestamp.")
    var annotate = false

    @Option(name: .long, help: "Push the SBOM artifact to REGISTRY/REPO[:TAG] (the image must be there, or add --push-image).")
    var push: String?

    @Flag(name: .long, help: "With --push: push the image too, under the reference's tag.")
    var pushImage = false

    @Option(name: .long, help: "With --push: the registry user (the password is read from standard input with --password-stdin).")
    var username: String?

    @Flag(name: .long, help: "With --push: read the registry password from standard input.")
    var passwordStdin = false

    @Flag(name: .long, help: "With --push: plain HTTP, only for a registry on this machine (localhost, 127.0.0.0/8, ::1).")
    var insecure = false

    @Option(name: .long, help: "With --push: seconds to wait for each registry request (default 30).")
    var timeout: Double = 30

    func validate() throws {
        if let push {
            guard let reference = SBOMPush.Reference(push) else {
                throw ValidationError("--push takes REGISTRY/REPOSITORY[:TAG], e.g. localhost:5000/todo/backend:v1")
            }
            if insecure && !reference.isLoopback { throw ValidationError("--insecure is only for a registry on this machine (localhost, 127.0.0.1, ::1)") }
            if passwordStdin && username == nil { throw ValidationError("--password-stdin needs --username") }
            if timeout <= 0 { throw ValidationError("--timeout must be positive") }
        } else if pushImage || username != nil || passwordStdin || insecure {
            throw ValidationError("--push-image, --username, --password-stdin and --insecure go with --push")
        }
        if CycloneDXDocument.SpecVersion(rawValue: spec) == nil { throw ValidationError("--spec takes 1.6 or 1.5.") }
        if CycloneDXDocument.Format(rawValue: format) == nil { throw ValidationError("--format takes xml or json.") }
        if let inToto, inToto == output { throw ValidationError("--in-toto and --output name the same file") }
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
        let rendition = CycloneDXDocument.Format(rawValue: format)!
        let text: String, statement: String?
        // Pushing goes through a layout: the given one, or a private temporary one.
        let scratch = push != nil && attach == nil ? FileManager.default.temporaryDirectory.appendingPathComponent("todoaudit-push-\(UUID().uuidString)").path : nil
        defer { if let scratch { try? FileManager.default.removeItem(atPath: scratch) } }
        if let attach = attach ?? scratch {
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
                attachment = try SBOMAttachment.attach(documents[0], spec: version, format: rendition, inToto: inToto != nil,
                                                       blobs: blobs, layout: attach,
                                                       refName: ImageReference(name)?.tag, imageName: name, annotations: annotations)
            } catch let error as AuditError {
                throw fail(error.description)
            } catch {
                throw fail("\(attach): \(error)")
            }
            var stderr = StandardError()
            if scratch == nil {
                print("todoaudit: attached SBOM \(attachment.artifact.digest) to image \(attachment.image.digest) in \(attach)", to: &stderr)
            }
            if let push, let reference = SBOMPush.Reference(push) {
                var (credentials, helper) = SBOMPush.dockerLogin(for: reference)
                if let username {
                    let password = passwordStdin ? (readLine(strippingNewline: true) ?? "") : ""
                    credentials = .init(username: username, password: password)
                } else if credentials == nil, let helper {
                    print("todoaudit: note: docker's config.json leaves \(reference.host)'s credentials to the credential helper '\(helper)', which todoaudit does not run; pass --username and --password-stdin if the registry asks", to: &stderr)
                }
                let client = RegistryClient(host: reference.apiHost, repository: reference.repository, insecure: insecure,
                                            credentials: credentials, timeout: timeout)
                if let chunk = ProcessInfo.processInfo.environment["TODOAUDIT_UPLOAD_CHUNK_BYTES"].flatMap(Int.init), chunk > 0 {
                    client.chunkSize = chunk
                }
                do {
                    for line in try SBOMPush.push(attachment, layout: attach, client: client, tag: reference.tag, pushImage: pushImage) {
                        print("todoaudit: \(line) to \(reference.host)/\(reference.repository)", to: &stderr)
                    }
                } catch {
                    throw fail("push to \(reference.host)/\(reference.repository): \(error.description)")
                }
            }
            text = attachment.text
            statement = attachment.statement
        } else {
            do {
                text = try documents[0].rendered(rendition, spec: version)
                statement = inToto == nil ? nil : try InTotoStatement(documents[0], spec: version).json()
            } catch {
                throw fail("SBOM: \(error)")
            }
        }
        if let inToto, let statement {
            do { try FileHandleOutput.write(statement, to: inToto) } catch { throw fail("cannot write \(inToto): \(error.localizedDescription)") }
        }
        if let output {
            do { try FileHandleOutput.write(text, to: output) } catch { throw fail("cannot write \(output): \(error.localizedDescription)") }
        } else {
            FileHandleOutput.writeStdout(text)
        }
    }
}

/// Says on stderr how many package metadata files the SBOM left out as damaged (the SBOM
/// itself records the count in a `todoaudit:catalog:unreadable-metadata` property).
/// Also says which read limits the layers reached, as packages beyond them are missing.
func noteUnreadableMetadata(_ document: CycloneDXDocument) {
    var stderr = StandardError()
    for limit in document.limitsReached {
        print("todoaudit: note: \(limit); the SBOM may miss packages there", to: &stderr)
    }
    let skipped = document.inventory.unreadable
    guard !skipped.isEmpty else { return }
    print("todoaudit: note: \(skipped.count) package metadata file(s) could not be read and are not in the SBOM, e.g. /\(skipped[0])", to: &stderr)
}
