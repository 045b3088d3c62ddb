import XMLWriting

/// The XML rendition of a BOM, in the element order the CycloneDX XSD demands; names
/// and references are attributes where the schema has them so.
extension CycloneDXBOM {
    public func xml() throws(XMLWriterError) -> String {
        let w = try XMLStreamWriter()
        try w.startElement("bom", namespace: "http://cyclonedx.org/schema/bom/\(specVersion)")
        try w.attribute("serialNumber", serialNumber)
        try w.attribute("version", "1")
        try w.startElement("metadata")
        if let timestamp = metadata.timestamp { try w.element("timestamp", timestamp) }
        try w.startElement("tools")
        try w.startElement("components")
        for tool in metadata.tools.components { try write(tool, w) }
        try w.endElement()
        try w.endElement()
        try write(metadata.component, w)
        try write(metadata.properties, w)
        try w.endElement()
        try w.startElement("components")
        for component in components { try write(component, w) }
        try w.endElement()
        try w.startElement("dependencies")
        for dependency in dependencies {
            try w.startElement("dependency")
            try w.attribute("ref", dependency.ref)
            for target in dependency.dependsOn {
                try w.startElement("dependency")
                try w.attribute("ref", target)
                try w.endElement()
            }
            try w.endElement()
        }
        try w.endElement()
        try w.endElement()
        return try w.finish()
    }

    private func write(_ component: Component, _ w: XMLStreamWriter) throws(XMLWriterError) {
        try w.startElement("component")
        try w.attribute("type", component.type)
        if let ref = component.bomRef { try w.attribute("bom-ref", ref) }
        if let supplier = component.supplier {
            try w.startElement("supplier")
            try w.element("name", supplier.name)
            try w.endElement()
        }
        try w.element("name", component.name)
        if let version = component.version { try w.element("version", version) }
        if let description = component.description { try w.element("description", description) }
        if let hashes = component.hashes { try writeList("hashes", "hash", key: "alg", hashes.map { ($0.alg, $0.content) }, w) }
        if let licenses = component.licenses {
            try w.startElement("licenses")
            for license in licenses {
                switch license {
                case .expression(let value): try w.element("expression", value)
                case .id(let value), .name(let value):
                    try w.startElement("license")
                    if case .id = license { try w.element("id", value) } else { try w.element("name", value) }
                    try w.endElement()
                }
            }
            try w.endElement()
        }
        if let purl = component.purl { try w.element("purl", purl) }
        try write(component.properties, w)
        if let evidence = component.evidence {
            try w.startElement("evidence")
            try w.startElement("occurrences")
            for occurrence in evidence.occurrences {
                try w.startElement("occurrence")
                try w.element("location", occurrence.location)
                try w.endElement()
            }
            try w.endElement()
            try w.endElement()
        }
        try w.endElement()
    }

    private func write(_ properties: [Property]?, _ w: XMLStreamWriter) throws(XMLWriterError) {
        guard let properties else { return }
        try writeList("properties", "property", key: "name", properties.map { ($0.name, $0.value) }, w)
    }

    /// `<list><item key="…">value</item>…</list>`, the shape of hashes and properties.
    private func writeList(_ list: String, _ item: String, key: String, _ entries: [(String, String)], _ w: XMLStreamWriter) throws(XMLWriterError) {
        try w.startElement(list)
        for (name, value) in entries {
            try w.startElement(item)
            try w.attribute(key, name)
            try w.text(value)
            try w.endElement()
        }
        try w.endElement()
    }
}
