/// Files and directories anyone in the container can write, outside tmp-like places.
struct WorldWritableCheck: ImageCheck {
    func evaluate(_ image: ImageFacts, _ input: CheckInput) -> [ImageViolation] {
        let tmp = input.parameters["tmp-like"]?.strings ?? []
        return image.orderedFiles.compactMap { file in
            guard file.kind == .file || file.kind == .directory, file.mode & 0o002 != 0 else { return nil }
            guard !tmp.contains(where: { file.path == $0 || file.path.hasPrefix($0 + "/") }) else { return nil }
            let mode = String(file.mode & 0o7777, radix: 8)
            return ImageViolation(.file(file.path, layer: file.layer), "/\(file.path) is world-writable (mode \(mode)); anyone in the container can change it", evidence: "mode \(mode)")
        }
    }
}
