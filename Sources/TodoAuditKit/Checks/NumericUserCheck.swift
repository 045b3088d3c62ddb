import DockerfileSyntax

/// The shipped stage's last USER names a user instead of a uid (`USER nextjs`): Kubernetes'
/// `runAsNonRoot` cannot tell from a name that it is not root and refuses to start the pod.
/// Opt-in, for clusters that enforce it.
struct NumericUserCheck: DockerfileCheck {
    func evaluate(_ facts: DockerfileFacts, _ input: CheckInput) -> [Violation] {
        guard let last = facts.shippedInstructions.last(where: { $0.kind == .user }),
              let value = last.words.first, !value.isEmpty else { return [] }
        let user = value.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        // Unresolved `USER $APP_UID` and root itself (root-user's) are not judged here.
        guard !user.isEmpty, !user.contains("$"), !user.allSatisfy(\.isNumber), !RootUserCheck.isRoot(user) else { return [] }
        return [Violation(last, "USER \(value) names a user, so Kubernetes runAsNonRoot cannot verify it is not root and refuses the pod; use its uid (USER 1001:1001)", evidence: "USER \(value)")]
    }
}
