/// What an audit looks at; a rule says which kinds it applies to.
public enum TargetKind: String, Sendable, Codable, CaseIterable {
    case dockerfile, context, image
}
