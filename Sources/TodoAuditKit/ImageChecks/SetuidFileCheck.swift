/// setuid/setgid executables outside the allow-list: each is a way to root for whoever gets
/// a shell in the container.
struct SetuidFileCheck: ImageCheck {
    func evaluate(_ image: ImageFacts, _ input: CheckInput) -> [ImageViolation] {
        let allowed = input.list("setuid-allowlist").strings.map(Glob.init)
        return image.orderedFiles.compactMap { file in
            guard file.kind == .file, file.mode & 0o6000 != 0, !allowed.contains(where: { $0.matches(file.path) }) else { return nil }
            let bits = file.mode & 0o4000 != 0 ? "setuid" : "setgid"
            let mode = String(file.mode & 0o7777, radix: 8)
            return ImageViolation(.file(file.path, layer: file.layer), "/\(file.path) is \(bits) (mode \(mode)), added in \(image.describe(layer: file.layer)); remove the bit with chmod u-s,g-s", evidence: "mode \(mode)")
        }
    }
}
