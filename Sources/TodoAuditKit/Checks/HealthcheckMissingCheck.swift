import DockerfileSyntax

/// No HEALTHCHECK in the shipped stage or the stages it is built FROM. `HEALTHCHECK NONE`
/// is an explicit opt-out and passes; one in an unrelated builder stage does not count.
/// A files-only export stage (`FROM scratch`, no CMD or ENTRYPOINT) never runs and passes.
struct HealthcheckMissingCheck: DockerfileCheck {
    func evaluate(_ facts: DockerfileFacts, _ input: CheckInput) -> [Violation] {
        guard let shipped = facts.shippedStage, !facts.shipsOnlyFiles else { return [] }
        if facts.shippedInstructions.contains(where: { $0.kind == .healthcheck }) { return [] }
        let stage = shipped.name.map { "'\($0)'" } ?? "\(shipped.index)"
        return [Violation(shipped.from, "Stage \(stage) has no HEALTHCHECK; add one so the orchestrator can tell a hung container from a healthy one")]
    }
}
