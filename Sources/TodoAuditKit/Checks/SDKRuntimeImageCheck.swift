import DockerfileSyntax

/// The shipped image is built on a language SDK image (`golang`, `rust`, a JDK): the whole
/// toolchain ships with the program.
struct SDKRuntimeImageCheck: DockerfileCheck {
    func evaluate(_ facts: DockerfileFacts, _ input: CheckInput) -> [Violation] {
        guard let root = facts.shippedChain.first, let ref = ImageReference(root.baseImage) else { return [] }
        let data = input.list("sdk-images")
        let include = (data["images"]?.strings ?? []).map(Glob.init)
        let exclude = (data["runtime-variants"]?.strings ?? []).map(Glob.init)
        let name = ref.repositoryAndTag
        guard include.contains(where: { $0.matches(name) }), !exclude.contains(where: { $0.matches(name) }) else { return [] }
        return [Violation(root.from, "The shipped image is based on the SDK image \(root.baseImage); compile in a builder stage and ship a runtime or distroless image", evidence: root.baseImage)]
    }
}
