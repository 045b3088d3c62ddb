import DockerfileSyntax

/// `RUN --mount=type=…,target=…` options, as Docker reads them.
public struct RunMount: Sendable, Hashable {
    public var type: String
    public var target: String?
    public var id: String?
    /// `from=`: a stage or an image the mount reads from.
    public var from: String?

    public static func all(of instruction: Instruction) -> [RunMount] {
        instruction.flagValues("mount").map { spec in
            var fields: [String: String] = [:]
            for part in spec.split(separator: ",") {
                let kv = part.split(separator: "=", maxSplits: 1)
                fields[String(kv[0]).lowercased()] = kv.count > 1 ? String(kv[1]) : ""
            }
            return RunMount(
                type: fields["type"] ?? "bind",
                target: fields["target"] ?? fields["dst"] ?? fields["destination"],
                id: fields["id"],
                from: fields["from"]
            )
        }
    }
}

extension DockerfileFacts {
    /// True when the RUN mounts a cache at (or above) one of `paths`.
    public func cachesMount(_ instruction: Instruction, anyOf paths: [String]) -> Bool {
        RunMount.all(of: instruction).contains { mount in
            guard mount.type == "cache", let target = mount.target else { return false }
            let t = target.hasSuffix("/") ? String(target.dropLast()) : target
            return paths.contains { $0 == t || $0.hasPrefix(t + "/") }
        }
    }

    /// True when the RUN deletes something at or below one of `paths` (`rm -rf /var/lib/apt/lists/*`,
    /// `find /var/lib/apt/lists -type f -delete`).
    public func removes(_ instruction: Instruction, anyOf paths: [String]) -> Bool {
        commands(of: instruction).contains { command in
            let deletes = command.name == "rm"
                || (command.name == "find" && (command.arguments.contains("-delete") || command.arguments.contains("rm")))
            guard deletes else { return false }
            return command.arguments.contains { arg in
                let a = arg.replacing("$HOME", with: "/root").replacing("${HOME}", with: "/root")
                let path = a.hasPrefix("~/") ? "/root" + a.dropFirst() : a
                return paths.contains { path == $0 || path.hasPrefix($0 + "/") || path.hasPrefix($0 + "*") || $0.hasPrefix(path + "/") }
            }
        }
    }

    /// Package operations a RUN performs. `$VAR` package words are expanded from the RUN's
    /// own shell assignments (`buildDeps='gcc make'; apt-get install $buildDeps`), then from
    /// `variables` (the ARG/ENV values in scope).
    public func packageOperations(of instruction: Instruction, variables: [String: String] = [:]) -> [PackageOperation] {
        let known = variables.merging(RunScript.assignments(in: scripts(of: instruction))) { _, shell in shell }
        return commands(of: instruction).compactMap(PackageOperation.init).map { $0.expanding(known) }
    }
}
