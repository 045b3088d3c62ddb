import ArgumentParser
import TodoAuditKit

/// The options every auditing command shares: how the report is written, the config file
/// and the severity that fails the run.
struct ReportOptions: ParsableArguments {
    @Option(name: .long, help: "Report format: text, json or sarif.")
    var format: OutputFormat = .text

    @Option(name: [.customShort("o"), .long], help: "Write the report to FILE instead of standard output.")
    var output: String?

    @Option(name: .long, help: "Fail (exit 1) on a finding of this severity or above: info, low, medium, high, critical.")
    var failOn: Severity?

    @Option(name: .long, help: "Read settings from FILE instead of the nearest .todoaudit.yml.")
    var config: String?

    @Flag(name: .long, help: "Never colour the text report.")
    var noColor = false

    /// The configuration from `--config` or the nearest `.todoaudit.yml` above `path`.
    func configuration(near path: String) throws -> AuditConfiguration {
        guard let file = config ?? ConfigurationFile.discover(from: path) else { return AuditConfiguration() }
        do { return try ConfigurationFile.load(file) } catch { throw fail("configuration: \(error)") }
    }

    /// Renders the report to `--output` or standard output (coloured only on a terminal).
    func write(_ report: AuditReport) throws {
        let color = format == .text && output == nil && !noColor && FileHandleOutput.stdoutWantsColor
        let text = format.render(report, color: color)
        if let output {
            do { try FileHandleOutput.write(text, to: output) } catch { throw fail("\(output): cannot write the report (\(error.localizedDescription))") }
        } else {
            FileHandleOutput.writeStdout(text)
        }
    }
}
