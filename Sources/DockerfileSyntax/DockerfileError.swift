/// Why a Dockerfile could not be parsed. Each case reads as one clear line.
public enum DockerfileError: Error, Sendable, Equatable, CustomStringConvertible {
    case empty
    case binary
    case invalidUTF8(line: Int)
    case unterminatedHeredoc(delimiter: String, line: Int)
    case unterminatedContinuation(line: Int)
    case noFrom(line: Int)
    case tooLarge(bytes: Int, limit: Int)

    public var description: String {
        switch self {
        case .empty:
            return "the file holds no instructions"
        case .binary:
            return "the file is binary (it contains NUL bytes), not a Dockerfile"
        case .invalidUTF8(let line):
            return "line \(line) is not valid UTF-8"
        case .unterminatedHeredoc(let delimiter, let line):
            return "line \(line): heredoc '\(delimiter)' is never closed"
        case .unterminatedContinuation(let line):
            return "line \(line): the line continuation runs to the end of the file"
        case .noFrom(let line):
            return "line \(line): instruction before the first FROM (only ARG may come first)"
        case .tooLarge(let bytes, let limit):
            return "the file is \(bytes) bytes, over the \(limit)-byte limit for Dockerfiles"
        }
    }
}
