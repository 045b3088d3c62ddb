import ImageModel

/// Every package an image ships, one component per package however many copies of it
/// there are (npm's nested node_modules, one wheel in two virtualenvs), with the layer
/// that brought it and its resolved dependencies.
public struct PackageInventory: Sendable {
    public struct Component: Sendable, Hashable {
        /// The copy found first (by path); its metadata describes the component.
        public var package: SoftwarePackage
        /// Every path it was found at, sorted.
        public var locations: [String]
        /// The earliest layer any copy came from.
        public var layer: Int
        /// Components this one depends on (OS packages: resolved `Depends`/`D:`), sorted.
        public var dependsOn: [PackageURL] = []

        public var purl: PackageURL { package.purl }
    }

    public var operatingSystem: OperatingSystem?
    /// Sorted by purl.
    public var components: [Component]
    /// Metadata files that named no package (no name or version, not JSON), counted in the report.
    public var unreadable: [String]

    /// `layers[i]` holds the contents the scan kept of layer i (the package databases and
    /// metadata files, by path); `merged` says which copy of each path the image shows.
    /// `goBinaries`: the build info of Go executables the reader met, by layer and path.
    /// `cataloged` holds the package metadata files already parsed, by layer and path;
    /// without it they are parsed from `layers` (tests hand in raw files).
    public init(layers: [[String: [UInt8]]], merged: MergedView, cataloged: [Int: [String: CatalogedFile]]? = nil,
                goBinaries: [(layer: Int, path: String, info: GoBuildInfo)] = [],
                unreadableGoBinaries: [(layer: Int, path: String)] = []) {
        let cataloged = cataloged ?? Dictionary(uniqueKeysWithValues: layers.enumerated().map { index, files in
            (index, Dictionary(uniqueKeysWithValues: files.filter { CatalogedFile.wants($0.key) }.map {
                ($0.key, CatalogedFile.parse(path: $0.key, $0.value, layer: index))
            }))
        })
        func parsed(_ path: String) -> CatalogedFile? {
            guard let file = merged.files[path], file.entry.kind == .file else { return nil }
            return cataloged[file.layer]?[path]
        }
        func visible(_ path: String) -> (bytes: [UInt8], layer: Int)? {
            guard let file = merged.files[path], file.entry.kind == .file, let bytes = layers[file.layer][path] else { return nil }
            return (bytes, file.layer)
        }
        let osFile = visible("etc/os-release") ?? visible("usr/lib/os-release")
        let os = osFile.flatMap { OperatingSystem.parse(String(decoding: $0.bytes, as: UTF8.self)) }
        var found: [SoftwarePackage] = []
        var unreadable: [String] = []

        // Package databases: a package's layer is the first whose copy of the database
        // listed it at this version (not the last layer that rewrote the file).
        let databases: [(path: String, parse: (String, String, Int, OperatingSystem?) -> [SoftwarePackage])] = [
            (OSPackageCatalog.dpkgStatus, OSPackageCatalog.dpkg),
            (OSPackageCatalog.apkInstalled, OSPackageCatalog.apk),
        ]
        for database in databases {
            guard let final = visible(database.path) else { continue }
            var since: [String: Int] = [:]
            var previous = Set<String>()
            var listed: [SoftwarePackage] = []
            for (index, contents) in layers.enumerated() where index <= final.layer {
                guard let bytes = contents[database.path] else { continue }
                listed = database.parse(String(decoding: bytes, as: UTF8.self), database.path, index, os)
                let purls = Set(listed.map(\.purl.description))
                for purl in purls where !previous.contains(purl) { since[purl] = index }
                previous = purls
            }
            // The last copy parsed is the one the image shows.
            for var package in listed {
                package.layer = since[package.purl.description] ?? final.layer
                found.append(package)
            }
        }
        // Distroless keeps one dpkg file per package; the other metadata files were parsed
        // while the layers were read. Only the copy the image shows counts.
        for (index, contents) in layers.enumerated() {
            for (path, bytes) in contents where path.hasPrefix(OSPackageCatalog.dpkgStatusDirectory) && merged.files[path]?.layer == index {
                found += OSPackageCatalog.dpkg(String(decoding: bytes, as: UTF8.self), location: path, layer: index, os: os)
            }
        }
        // Directories holding an installed node_modules, worked out once if a lockfile needs it.
        var installed: Set<Substring>?
        for (index, files) in cataloged {
            for (path, file) in files where merged.files[path]?.layer == index && merged.files[path]?.entry.kind == .file {
                if LanguagePackageCatalog.isLockfile(path) {
                    // The lockfile speaks for an app only where its node_modules is not installed.
                    if installed == nil {
                        installed = Set(merged.files.keys.compactMap { key in key.range(of: "node_modules/").map { key[..<$0.lowerBound] } })
                    }
                    if installed!.contains(path.dropLast("package-lock.json".count)) { continue }
                }
                switch file {
                case .packages(let packages): found += packages
                case .unreadable: unreadable.append(path)
                case .licenses, .none: break
                }
            }
        }
        for binary in goBinaries where merged.files[binary.path]?.layer == binary.layer {
            found += Self.goModules(binary.info, location: binary.path, layer: binary.layer)
        }
        for binary in unreadableGoBinaries where merged.files[binary.path]?.layer == binary.layer {
            unreadable.append(binary.path)
        }
        // Debian packages name their licenses in their copyright files.
        for index in found.indices where found[index].ecosystem == .deb && found[index].license == nil {
            if case .licenses(let licenses)? = parsed(OSPackageCatalog.copyrightPath(found[index].name)) {
                found[index].licenses = licenses
            }
        }
        operatingSystem = os
        components = Self.fold(found)
        self.unreadable = unreadable.sorted()
    }

    /// A Go executable's main module (depending on the others) and its dependency modules.
    static func goModules(_ info: GoBuildInfo, location: String, layer: Int) -> [SoftwarePackage] {
        func package(_ module: GoBuildInfo.Module) -> SoftwarePackage {
            var parts = module.path.split(separator: "/").map(String.init)
            // `host/owner/repo/more/path`: the path inside the repository is the subpath, as in
            // the purl spec's `pkg:golang/google.golang.org/genproto#googleapis/api/annotations`
            // (and as syft writes `…/semver/v3` and `…/x/ansi`).
            var subpath: String?
            if parts.count > 3 {
                subpath = parts[3...].joined(separator: "/")
                parts = Array(parts[..<3])
            }
            let purl = PackageURL(type: "golang", namespace: parts.count > 1 ? parts.dropLast().joined(separator: "/") : nil,
                                  name: parts.last ?? "", version: module.version == "(devel)" ? nil : module.version, subpath: subpath)
            var out = SoftwarePackage(ecosystem: .golang, name: module.path, version: module.version, purl: purl, location: location, layer: layer)
            out.properties["todoaudit:golang:go-version"] = info.goVersion
            return out
        }
        // The standard library is linked into every executable, at the toolchain's version.
        var dependencies = info.dependencies.filter { !$0.path.isEmpty }.map(package)
        if info.goVersion.hasPrefix("go") {
            let version = String(info.goVersion.dropFirst(2).prefix { !" ".contains($0) })
            var stdlib = SoftwarePackage(ecosystem: .golang, name: "stdlib", version: version,
                                         purl: PackageURL(type: "golang", name: "stdlib", version: version), location: location, layer: layer)
            stdlib.properties["todoaudit:golang:go-version"] = info.goVersion
            dependencies.append(stdlib)
        }
        guard let main = info.main, !main.path.isEmpty else { return dependencies }
        var root = package(main)
        root.dependsOnPackages = dependencies.map(\.purl)
        return [root] + dependencies
    }

    /// One component per purl; dependencies resolved to components of the same ecosystem.
    static func fold(_ packages: [SoftwarePackage]) -> [Component] {
        var byPurl: [String: Component] = [:]
        for package in packages.sorted(by: { ($0.purl.description, $0.location) < ($1.purl.description, $1.location) }) {
            let key = package.purl.description
            if var known = byPurl[key] {
                known.locations.append(package.location)
                known.layer = min(known.layer, package.layer)
                byPurl[key] = known
            } else {
                byPurl[key] = Component(package: package, locations: [package.location], layer: package.layer)
            }
        }
        var components = byPurl.values.sorted { $0.purl.description < $1.purl.description }
        var byName: [String: PackageURL] = [:], byProvided: [String: PackageURL] = [:]
        for component in components where component.package.ecosystem == .deb || component.package.ecosystem == .apk {
            let scope = component.package.ecosystem.rawValue + ":"
            if byName[scope + component.package.name] == nil { byName[scope + component.package.name] = component.purl }
            for name in component.package.provides where byProvided[scope + name] == nil { byProvided[scope + name] = component.purl }
        }
        for index in components.indices {
            let package = components[index].package
            if !package.dependsOnPackages.isEmpty {
                components[index].dependsOn = Set(package.dependsOnPackages).subtracting([package.purl]).sorted()
                continue
            }
            guard package.ecosystem == .deb || package.ecosystem == .apk else { continue }
            let scope = package.ecosystem.rawValue + ":"
            var refs = Set<PackageURL>()
            for group in package.dependsOn {
                // The first alternative the image has, by name or by what a package provides.
                let alternatives = group.split(separator: "|").map { scope + $0 }
                if let target = alternatives.lazy.compactMap({ byName[$0] ?? byProvided[$0] }).first, target != package.purl {
                    refs.insert(target)
                }
            }
            components[index].dependsOn = refs.sorted()
        }
        return components
    }
}
