import Testing
import XMLWriting

@Suite struct XMLStreamWriterTests {
    @Test func writesNamespacedEscapedDocument() throws {
        let writer = try XMLStreamWriter(indent: false)
        try writer.startElement("bom", namespace: "http://cyclonedx.org/schema/bom/1.6")
        try writer.attribute("version", "1")
        try writer.element("name", "a < b & \"c\"")
        try writer.endElement()
        let xml = try writer.finish()
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"))
        #expect(xml.contains("<bom version=\"1\" xmlns=\"http://cyclonedx.org/schema/bom/1.6\">"))
        #expect(xml.contains("<name>a &lt; b &amp; &quot;c&quot;</name>"))
    }

    /// XML 1.0 has no way to write most control characters, U+FFFE or U+FFFF, not even as
    /// references; each becomes U+FFFD. A NUL would otherwise cut the C string short.
    @Test func charactersXMLCannotHoldBecomeReplacementCharacters() throws {
        let writer = try XMLStreamWriter(indent: false)
        try writer.startElement("a")
        try writer.attribute("b", "1\u{0}2")
        try writer.text("\u{1}\t\n\u{7F}\u{FFFE}é")
        try writer.element("c", "\u{1B}[31m\u{FFFF}")
        try writer.endElement()
        let xml = try writer.finish()
        #expect(xml.contains("<a b=\"1\u{FFFD}2\">\u{FFFD}\t\n\u{7F}\u{FFFD}é<c>\u{FFFD}[31m\u{FFFD}</c></a>"), "\(xml)")
    }

    @Test func sameInputSameBytes() throws {
        func render() throws -> String {
            let w = try XMLStreamWriter()
            try w.startElement("a")
            try w.element("b", "x")
            try w.endElement()
            return try w.finish()
        }
        #expect(try render() == render())
    }
}
