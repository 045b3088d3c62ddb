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
