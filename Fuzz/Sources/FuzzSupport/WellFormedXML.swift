import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Stops the run (a crash libFuzzer keeps) when `xml` is not a well-formed document: a
/// writer that takes arbitrary package metadata must never emit one a consumer rejects.
public func requireWellFormed(_ xml: String, _ what: @autoclosure () -> String) {
    let parser = XMLParser(data: Data(xml.utf8))
    if !parser.parse() {
        let error = parser.parserError.map { "\($0)" } ?? "unknown error"
        fatalError("\(what()) is not well-formed XML (line \(parser.lineNumber), column \(parser.columnNumber)): \(error)\n\(xml)")
    }
}
