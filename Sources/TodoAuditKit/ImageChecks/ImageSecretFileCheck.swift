import ImageModel

/// Files that usually hold credentials in any layer, also when a later layer deleted or
/// overwrote them: the bytes still ship in the earlier layer.
struct ImageSecretFileCheck: ImageCheck {
    func evaluate(_ image: ImageFacts, _ input: CheckInput) -> [ImageViolation] {
        let data = input.list("secret-files")
        let patterns = GlobSet(data["files"]?.strings ?? [])
        let allowed = GlobSet(data["not-secret"]?.strings ?? [])
        let skip = GlobSet(data["image-paths-not-secret"]?.strings ?? [])
        // A file whose content the secret scan reported needs no second finding for its name.
        let reported = Set(image.secrets?.map(\.path) ?? [])
        func matches(_ file: LayerEntry) -> Bool {
            guard file.kind == .file else { return false }
            let name = file.path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(file.path[file.path.utf8.index(after: $0)...]) } ?? file.path
            return patterns.matches(name) && !allowed.matches(name) && !reported.contains(file.path) && !skip.matches(file.path)
        }
        var out: [ImageViolation] = []
        for file in image.orderedFiles where matches(file.entry) {
            out.append(ImageViolation(.file(file.path, layer: file.layer), "/\(file.path), a file that usually holds credentials, ships in \(image.describe(layer: file.layer))", evidence: file.path))
        }
        for hidden in image.hidden where matches(hidden.entry) {
            let how = hidden.deleted ? "deleted" : "overwritten"
            out.append(ImageViolation(
                .file(hidden.entry.path, layer: hidden.layer),
                "/\(hidden.entry.path) was \(how) in layer \(hidden.hiddenBy + 1) but its bytes still ship in \(image.describe(layer: hidden.layer)); rebuild without it and rotate what it held",
                evidence: hidden.entry.path
            ))
        }
        return out
    }
}
