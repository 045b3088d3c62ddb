/// Compilers and build tooling in the image: binaries in the merged view, or packages the
/// apk/dpkg databases list, from the same data list as the Dockerfile rule. One finding per
/// layer that brought them, at the most telling file (a compiler binary if there is one).
struct ImageBuildToolsCheck: ImageCheck {
    struct Group {
        var names: [String] = []
        var files: [ImageFacts.File] = []
        var database: String?
    }

    func evaluate(_ image: ImageFacts, _ input: CheckInput) -> [ImageViolation] {
        let data = input.list("build-tools")
        let tools = BuildToolList(data)
        let binaries = GlobSet(data["binaries"]?.strings ?? [])
        var owned = Set<String>()
        var byLayer: [Int: Group] = [:]
        // Packages first: they name the tool and own its files.
        for package in image.packages where tools.isBuildTool(package.name, manager: .apk) {
            let files = package.files.compactMap { image.files[$0] }.filter { $0.kind == .file }
            for f in files { owned.insert(f.path) }
            let database = package.manager == .apk ? "lib/apk/db/installed" : "var/lib/dpkg/status"
            // Without a file list, the layer that last wrote the database is the best guess.
            let layer = files.map(\.layer).max() ?? image.files[database]?.layer ?? image.layers.count - 1
            byLayer[layer, default: Group()].names.append(package.name)
            byLayer[layer, default: Group()].files += files
            byLayer[layer, default: Group()].database = database
        }
        for file in image.files.values where file.kind == .file && !owned.contains(file.path) && binaries.matches(file.path) {
            byLayer[file.layer, default: Group()].names.append(String(file.path.split(separator: "/").last ?? ""))
            byLayer[file.layer, default: Group()].files.append(file)
        }
        return byLayer.keys.sorted().map { layer in
            let group = byLayer[layer]!
            let files = group.files.sorted { $0.path < $1.path }
            let path = files.first(where: { binaries.matches($0.path) })?.path
                ?? files.first(where: { $0.path.contains("/bin/") })?.path
                ?? group.database ?? files.first?.path ?? ""
            let names = Set(group.names).sorted()
            let shown = names.prefix(8).joined(separator: ", ") + (names.count > 8 ? ", +\(names.count - 8) more" : "")
            // A file two packages list counts once.
            let bytes = Dictionary(files.map { ($0.path, $0.size) }, uniquingKeysWith: { a, _ in a }).values.reduce(0, +)
            return ImageViolation(
                .file(path, layer: layer),
                "The image ships build tools (\(shown)) from \(image.describe(layer: layer)), \(ByteCount.text(bytes)); build in a separate stage and copy only the results",
                evidence: shown, reclaimableBytes: bytes
            )
        }
    }
}
