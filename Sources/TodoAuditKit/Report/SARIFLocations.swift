import Foundation

/// SARIF `location` objects for findings: files as artifact URIs, image contents as logical
/// locations under the tarball they were read from.
struct SARIFLocation: Encodable {
    struct Physical: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region?
    }
    struct ArtifactLocation: Encodable {
        var uri: String?
        var uriBaseId: String?
        /// Only for standard input, which has no URI.
        var description: SARIFReporter.Text?
    }
    struct Region: Encodable { var startLine: Int; var endLine: Int? }
    struct Logical: Encodable { var name: String; var fullyQualifiedName: String; var kind: String }

    var id: Int?
    var physicalLocation: Physical?
    var logicalLocations: [Logical]?
    var message: SARIFReporter.Text?
}

extension SARIFReporter {
    /// Turns finding locations into SARIF ones against one working directory.
    struct Places {
        var currentDirectory: String
        /// Used for image findings that do not name their image (built by a caller, not the
        /// engine), when the report holds exactly one image.
        var soleImage: (name: String, path: String)?

        init(report: AuditReport, currentDirectory: String) {
            self.currentDirectory = currentDirectory
            let imageTargets = report.targets.filter { $0.kind == .image }
            if imageTargets.count == 1, report.images.count == 1 {
                soleImage = (report.images[0].name, imageTargets[0].path)
            }
        }

        func location(of place: Location) -> SARIFLocation {
            switch place.kind {
            case .dockerfile, .context:
                return SARIFLocation(physicalLocation: physical(place.path, line: place.line, endLine: place.endLine))
            case .image, .config:
                let name = place.image ?? soleImage?.name
                let path = place.imagePath ?? soleImage?.path
                // The line of an image finding is in a file inside the image, not in the tarball.
                return SARIFLocation(physicalLocation: path.map { physical($0, line: nil, endLine: nil) },
                                     logicalLocations: name.map { Self.logical(place, image: $0) })
            }
        }

        /// The Dockerfile line that made an image finding's layer (`--dockerfile`), from `path:line`.
        func origin(of place: Location) -> SARIFLocation? {
            guard let source = place.source, let colon = source.lastIndex(of: ":"),
                  let line = Int(source[source.index(after: colon)...]) else { return nil }
            return SARIFLocation(id: 1, physicalLocation: physical(String(source[..<colon]), line: line, endLine: nil),
                                 message: .init(text: "The Dockerfile instruction that made the layer"))
        }

        func physical(_ path: String, line: Int?, endLine: Int?) -> SARIFLocation.Physical {
            // SARIF lines start at 1; a finding on a whole file has none.
            let region = line.flatMap { start in
                start >= 1 ? SARIFLocation.Region(startLine: start, endLine: endLine.flatMap { $0 >= start ? $0 : nil }) : nil
            }
            return .init(artifactLocation: artifact(path), region: region)
        }

        func artifact(_ path: String) -> SARIFLocation.ArtifactLocation {
            if path == "-" { return .init(description: .init(text: "standard input")) }
            let root = Self.normalized(currentDirectory)
            let absolute = Self.normalized(path.hasPrefix("/") ? path : root + "/" + path)
            if absolute == root { return .init(uri: ".", uriBaseId: sourceRoot) }
            let prefix = root == "/" ? "/" : root + "/"
            if absolute.hasPrefix(prefix) {
                return .init(uri: Self.percentEncoded(String(absolute.dropFirst(prefix.count))), uriBaseId: sourceRoot)
            }
            return .init(uri: "file://" + Self.percentEncoded(absolute))
        }

        /// `!` joins the parts of a name, as in jar URLs, since image names and paths hold `/` and `:`.
        static func logical(_ place: Location, image: String) -> [SARIFLocation.Logical] {
            var out = [SARIFLocation.Logical(name: image, fullyQualifiedName: image, kind: "module")]
            if place.kind == .config {
                out.append(.init(name: place.path, fullyQualifiedName: "\(image)!config:\(place.path)", kind: "property"))
                return out
            }
            var parent = image
            if let layer = place.layer {
                parent = "\(image)!\(layer)"
                out.append(.init(name: layer, fullyQualifiedName: parent, kind: "namespace"))
            }
            // Layer and whole-image findings carry the image's name as their path.
            if place.path != image {
                out.append(.init(name: place.path, fullyQualifiedName: "\(parent)!\(place.path)", kind: "resource"))
            }
            return out
        }

        /// An absolute path without `.`, `..` or doubled slashes, as far as text can tell.
        static func normalized(_ path: String) -> String {
            var parts: [Substring] = []
            for part in path.split(separator: "/") where part != "." {
                if part == ".." { _ = parts.popLast() } else { parts.append(part) }
            }
            return "/" + parts.joined(separator: "/")
        }

        /// Everything but unreserved characters and `/` is escaped (as UTF-8), so a space, `#`,
        /// `%` or a colon in a first segment cannot change what the URI means.
        static func percentEncoded(_ path: String) -> String {
            path.addingPercentEncoding(withAllowedCharacters: uriPathCharacters) ?? path
        }

        static let uriPathCharacters = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/")
    }
}
