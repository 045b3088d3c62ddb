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
        try check(xmlTextWriterWriteAttribute(writer, name, value), "write attribute \(name)")
    }

    public func text(_ value: String) throws(XMLWriterError) {
        try check(xmlTextWriterWriteString(writer, value), "write text")
    }

    /// `<name>value</name>`.
    public func element(_ name: String, _ value: String) throws(XMLWriterError) {
        try check(xmlTextWriterWriteElement(writer, name, value), "write <\(name)>")
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

    private func check(_ status: Int32, _ operation: String) throws(XMLWriterError) {
        if status < 0 { throw XMLWriterError(operation: operation) }
    }
}
