import CLibXML2

/// Writes an XML document into memory with libxml2's xmlTextWriter: escaping and
/// well-formedness are libxml2's job. Owns its C handles; none leave this type.
public final class XMLStreamWriter {
    private let buffer: xmlBufferPtr
    private let writer: xmlTextWriterPtr

    public init(indent: Bool = true) throws(XMLWriterError) {
        guard let buffer = xmlBufferCreate() else { throw XMLWriterError(operation: "allocate a buffer") }
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
            xmlBufferFree(buffer)
            throw XMLWriterError(operation: "create a writer")
        }
        self.buffer = buffer
        self.writer = writer
        if indent {
            xmlTextWriterSetIndent(writer, 1)
            xmlTextWriterSetIndentString(writer, "  ")
        }
        try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "start the document")
    }

    deinit {
        xmlFreeTextWriter(writer)
        xmlBufferFree(buffer)
    }

    public func startElement(_ name: String, namespace: String? = nil) throws(XMLWriterError) {
        if let namespace {
            try check(xmlTextWriterStartElementNS(writer, nil, name, namespace), "start <\(name)>")
        } else {
            try check(xmlTextWriterStartElement(writer, name), "start <\(name)>")
        }
    }

    public func attribute(_ name: String, _ value: String) throws(XMLWriterError) {
        try check(xmlTextWriterWriteAttribute(writer, name, Self.characters(value)), "write attribute \(name)")
    }

    public func text(_ value: String) throws(XMLWriterError) {
        try check(xmlTextWriterWriteString(writer, Self.characters(value)), "write text")
    }

    /// `<name>value</name>`.
    public func element(_ name: String, _ value: String) throws(XMLWriterError) {
        try check(xmlTextWriterWriteElement(writer, name, Self.characters(value)), "write <\(name)>")
    }

    public func endElement() throws(XMLWriterError) {
        try check(xmlTextWriterEndElement(writer), "end an element")
    }

    /// Closes open elements and returns the document.
    public func finish() throws(XMLWriterError) -> String {
        try check(xmlTextWriterEndDocument(writer), "end the document")
        xmlTextWriterFlush(writer)
        guard let content = xmlBufferContent(buffer) else { return "" }
        let length = Int(xmlBufferLength(buffer))
        return String(decoding: UnsafeBufferPointer(start: content, count: length), as: UTF8.self)
    }

    /// `value` with each character XML 1.0 cannot hold, escaped or not (most C0 controls,
    /// NUL among them, U+FFFE and U+FFFF), replaced by U+FFFD: libxml2 writes them as they
    /// come, and package metadata in an image may contain anything.
    static func characters(_ value: String) -> String {
        func allowed(_ c: Unicode.Scalar) -> Bool {
            c.value >= 0x20 ? c.value != 0xFFFE && c.value != 0xFFFF : c == "\t" || c == "\n" || c == "\r"
        }
        guard !value.unicodeScalars.allSatisfy(allowed) else { return value }
        var out = String.UnicodeScalarView()
        for c in value.unicodeScalars { out.append(allowed(c) ? c : "\u{FFFD}") }
        return String(out)
    }

    private func check(_ status: Int32, _ operation: String) throws(XMLWriterError) {
        if status < 0 { throw XMLWriterError(operation: operation) }
    }
}
