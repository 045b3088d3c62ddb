import Foundation
import ArgumentParser
import TodoAuditKit

extension OutputFormat: ExpressibleByArgument {}
extension Severity: ExpressibleByArgument {}

struct Scan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Audit Dockerfiles, directories holding them, or image tarballs, and print a scored report.",
        discussion: """
        PATH is a Dockerfile, a directory holding Dockerfile / Containerfile / Dockerfile.* / \
        *.Dockerfile, an image tarball (docker save, docker-archive, oci-archive, also gzip/zstd \
        compressed), an OCI layout directory, or - for a Dockerfile on standard input. Without --fail-on or --fail-under (here or in \
        .todoaudit.yml) the run fails on findings of severity high or above.

        Limits, set in the limits: section of .todoaudit.yml (defaults shown; the \
        findings are audit-limit-reached):
        """ + "\n" + Limits.help
    )

    @Argument(help: "Dockerfiles, directories, image tarballs or OCI layouts to audit (- reads a Dockerfile from standard input).")
    var paths: [String] = []

    @OptionGroup var options: ReportOptions

    @Option(name: .long, help: "Fail (exit 1) when the score is below N (0-10).")
    var failUnder: Int?

    @Option(name: .long, help: "The Dockerfile to audit (with --context, like docker build -f); with an image, also maps image findings to its lines.")
    var dockerfile: String?

    @Option(name: .long, help: "The build context directory, where .dockerignore is looked for.")
    var context: String?

    @Option(name: .long, help: "The stage that ships (like docker build --target); default: the last stage.")
    var target: String?

    @Option(name: .long, help: "In a tarball holding several images, audit only NAME[:TAG].")
    var image: String?

    @Option(name: .long, help: "Platform to audit in a multi-platform image (os/arch[/variant]); default linux/amd64 or the only one.")
    var platform: String?

    @Option(name: .long, help: "Size budget for images, e.g. 150MB; a larger image is a finding (overrides max_size in .todoaudit.yml).")
    var maxSize: String?

    @Option(name: .long, help: "Largest uncompressed layer read (e.g. 16GiB); a larger one is reported, not read to its end (overrides limits.max_layer_size).")
    var maxLayerBytes: String?

    @Option(name: .long, help: "Largest Dockerfile read, in bytes (default 4194304; overrides limits.max_dockerfile_size).")
    var maxDockerfileBytes: Int?

    @Flag(name: [.customShort("q"), .long], help: "No progress line on stderr while images are read.")
    var quiet = false

    @Option(name: .long, help: "Also write the image's CycloneDX XML SBOM here, from the same pass over its layers.")
    var sbom: String?

    @Option(name: .long, help: "CycloneDX version of --sbom: 1.6 (default) or 1.5.")
    var sbomSpec: String = "1.6"

    @Option(name: .long, help: "CycloneDX rendition of --sbom: xml (default) or json.")
    var sbomFormat: String = "xml"

    @Option(name: .long, help: "A directory of your own rules, data lists and secret kinds (Rules/ layout); repeatable.")
    var rules: [String] = []

    @Option(name: .long, help: "Record every finding's fingerprint in FILE as accepted; the run then exits 0.")
    var writeBaseline: String?

    @Option(name: .long, help: "Report only findings FILE (from --write-baseline) does not list; the score still counts all.")
    var baseline: String?

    func validate() throws {
        if paths.isEmpty && dockerfile == nil {
            throw ValidationError("Give a Dockerfile, a directory, or --dockerfile FILE.")
        }
        if let failUnder, !(0...10).contains(failUnder) {
            throw ValidationError("--fail-under takes a score from 0 to 10.")
        }
        if let maxSize, ByteSize.parse(maxSize) == nil {
            throw ValidationError("--max-size takes a size such as 150MB, 1.5GB or 200MiB.")
        }
        if let maxLayerBytes, (ByteSize.parse(maxLayerBytes) ?? 0) < 1 {
            throw ValidationError("--max-layer-bytes takes a size such as 16GiB or 500MB.")
        }
        if let maxDockerfileBytes, maxDockerfileBytes < 1 {
            throw ValidationError("--max-dockerfile-bytes must be positive.")
        }
        if CycloneDXDocument.SpecVersion(rawValue: sbomSpec) == nil { throw ValidationError("--sbom-spec takes 1.6 or 1.5.") }
        if CycloneDXDocument.Format(rawValue: sbomFormat) == nil { throw ValidationError("--sbom-format takes xml or json.") }
    }

    func run() throws {
        var inputs = paths
        if let dockerfile { inputs.append(dockerfile) }

        var configuration = try options.configuration(near: inputs[0])
        let catalog = try loadCatalog(adding: configuration.ruleDirectories + rules)
        let unknown = configuration.unknownRules(in: catalog)
        if !unknown.isEmpty {
            throw fail("configuration: \(configuration.source ?? "settings"): no rule named \(unknown.joined(separator: ", ")) (see todoaudit rules)")
        }
        if let maxSize, let bytes = ByteSize.parse(maxSize) {
            // The flag is the budget for every image scanned in this run.
            configuration.maxImageSize = ["*": bytes]
        }
        var auditor = Auditor(
            engine: RuleEngine(catalog: catalog, configuration: configuration),
            target: target, context: context, maxDockerfileBytes: maxDockerfileBytes,
            imageName: image, platform: platform
        )
        if let maxLayerBytes, let bytes = ByteSize.parse(maxLayerBytes) { auditor.maxLayerBytes = bytes }
        if sbom != nil {
            auditor.sbom = true
            auditor.sourceDateEpoch = sourceDateEpoch
        }
        // With an image and --dockerfile, image findings also name the Dockerfile line of their layer.
        if let dockerfile, paths.contains(where: { $0 != "-" && Auditor.isImagePath($0) }) { auditor.dockerfileForImages = dockerfile }
        // The progress line is for people watching a terminal, never for machine formats.
        if !quiet && options.format == .text && ProgressLine.wanted { auditor.progress = ProgressLine() }
        var report: AuditReport
        do { report = try auditor.audit(paths: inputs) } catch { throw fail(error.description) }
        let everything = report
        if let baseline {
            do { report = report.applying(try Baseline.read(baseline)) } catch { throw fail(error.description) }
        }

        try options.write(report)
        if let writeBaseline {
            // With --baseline too, the new file lists the old findings and the new ones.
            do { try FileHandleOutput.write(Baseline.render(everything), to: writeBaseline) } catch {
                throw fail("\(writeBaseline): cannot write the baseline (\(error.localizedDescription))")
            }
        }
        if let sbom {
            guard report.sboms.count == 1 else {
                throw fail("--sbom needs exactly one image among the inputs (found \(report.sboms.count)); use --image or --platform")
            }
            do {
                let text = try report.sboms[0].rendered(CycloneDXDocument.Format(rawValue: sbomFormat)!,
                                                        spec: CycloneDXDocument.SpecVersion(rawValue: sbomSpec)!)
                try FileHandleOutput.write(text, to: sbom)
            } catch {
                throw fail("cannot write the SBOM to \(sbom): \(error)")
            }
            noteUnreadableMetadata(report.sboms[0])
        }

        let failOn = options.failOn ?? configuration.failOn
        let failUnder = self.failUnder ?? configuration.failUnder
        // A run that writes the baseline accepts what it found.
        if writeBaseline == nil && report.failsPolicyOrDefault(failUnder: failUnder, failOn: failOn) {
            throw ExitCode(1)
        }
    }
}
