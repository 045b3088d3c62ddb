/// Lines of the ignore file Docker refuses: the whole build stops with "syntax error in pattern".
struct IgnoreSyntaxCheck: ContextCheck {
    func evaluate(_ context: ContextFacts, _ input: CheckInput) -> [ContextViolation] {
        guard let ignore = context.ignore else { return [] }
        return ignore.problems.map { problem in
            ContextViolation(.ignoreFile(line: problem.line),
                             "line \(problem.line) of \(ignore.path), \(problem.text.trimmingCharacters(in: .whitespaces)): \(problem.reason); docker build refuses the whole file",
                             evidence: problem.text)
        }
    }
}
