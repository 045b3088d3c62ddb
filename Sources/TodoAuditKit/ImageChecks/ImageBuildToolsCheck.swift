/// Compilers and build tooling in the image: binaries in the merged view, or packages the
/// apk/dpkg databases list, from the same data list as the Dockerfile rule.
struct ImageBuildToolsCheck: ImageCheck {
    func evaluate(_ image: ImageFacts, _ input: CheckInput) -> [ImageViolation] {
        let data = input.list("build-tools")
        let tools = BuildToolList(data)
        let binaries = (data["binaries"]?.strings ?? []).map(Glob.init)
        // Packages first: they name the tool and own its files.
        var owned = Set<String>()
        var byLayer: [Int: (names: [String], bytes: Int64, path: String)] = [:]
        for package in image.packages where tools.isBuildTool(package.name, manager: .apk) {
            let files = package.files.compactMap { image.files[$0] }
            for f in files { owned.insert(f.path) }
            let database = package.manager == .apk ? "lib/apk/db/installed" : "var/lib/dpkg/status"
            // dpkg's status lists no files: the layer that last wrote the database is the best guess.
            let layer = files.map(\.layer).max() ?? image.files[database]?.layer ?? image.layers.count - 1
            var entry = byLayer[layer] ?? ([], 0, database)
            // Point at a tool's own file when the database lists one.
            if entry.path == database, let first = files.first { entry.path = first.path }
            entry.names.append(package.name)
            entry.bytes += files.reduce(0) { $0 + $1.size }
            byLayer[layer] = entry
        }
        for file in image.files.values.sorted(by: { $0.path < $1.path })
        where file.kind == .file && !owned.contains(file.path) && binaries.contains(where: { $0.matches(file.path) }) {
            var entry = byLayer[file.layer] ?? ([], 0, file.path)
            entry.names.append(String(file.path.split(separator: "/").last ?? ""))
            entry.bytes += file.size
            byLayer[file.layer] = entry
        }
        return byLayer.keys.sorted().map { layer in
            let e = byLayer[layer]!
            let names = e.names.sorted()
            let shown = names.prefix(8).joined(separator: ", ") + (names.count > 8 ? ", +\(names.count - 8) more" : "")
            return ImageViolation(
                .file(e.path, layer: layer),
                "The image ships build tools (\(shown)) from \(image.describe(layer: layer)); build in a separate stage and copy only the results",
                evidence: shown, reclaimableBytes: e.bytes
            )
        }
    }
}
