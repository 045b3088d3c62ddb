/// Splits the instructions into global ARGs and stages, and fills `expandedArguments` with
/// the ARG/ENV values in scope at each instruction, following Docker's scoping:
/// - global ARGs (before the first FROM) are visible to FROM lines only;
/// - inside a stage, `ARG NAME` without a value re-imports the global default;
/// - stage ARGs and ENVs apply to the later instructions of that stage, ENV winning;
/// - a stage built `FROM <earlier stage>` starts with that stage's ENV values (not its ARGs).
enum StageGraph {
    /// Instructions whose arguments Docker expands.
    static let expandingKinds: Set<InstructionKind> = [
        .from, .add, .copy, .env, .arg, .expose, .label, .stopsignal, .user, .volume, .workdir,
    ]

    static func resolve(
        _ instructions: inout [Instruction], escape: Character
    ) throws(DockerfileError) -> (globals: [Instruction], stages: [Stage]) {
        var globalScope = ArgumentEnvironment(
            buildTimeNames: ArgumentEnvironment.automaticPlatformArguments, escapeCharacter: escape)
        var globals: [Instruction] = []
        var stages: [Stage] = []
        var stageScope = ArgumentEnvironment(escapeCharacter: escape)
        var finishedScopes: [ArgumentEnvironment] = []
        // Stage names seen so far (first one wins), so FROM lookups stay O(1).
        var stageNamed: [String: Int] = [:]

        for index in instructions.indices {
            var instruction = instructions[index]
            if instruction.kind == .from {
                if !stages.isEmpty { finishedScopes.append(stageScope) }
                expand(&instruction, in: globalScope)
                let words = instruction.words
                let baseImage = words.first ?? ""
                var name: String? = nil
                if words.count >= 3, words[1].lowercased() == "as" { name = words[2].lowercased() }
                let loweredBase = baseImage.lowercased()
                let parent = stageNamed[loweredBase] ?? platformStage(baseImage, stageNamed, escape: escape)
                stageScope = ArgumentEnvironment(
                    environment: parent.flatMap { finishedScopes.indices.contains($0) ? finishedScopes[$0].environment : nil } ?? [:],
                    escapeCharacter: escape)
                if let name, stageNamed[name] == nil { stageNamed[name] = stages.count }
                stages.append(Stage(
                    index: stages.count, name: name, from: instruction, baseImage: baseImage,
                    platform: instruction.flag("platform"), parentStage: parent, instructions: []))
            } else if stages.isEmpty {
                guard instruction.kind == .arg else { throw .noFrom(line: instruction.lines.start) }
                expand(&instruction, in: globalScope)
                for (key, value) in instruction.keyValuePairs {
                    if let value { globalScope.arguments[key] = value }
                }
                globals.append(instruction)
            } else {
                if expandingKinds.contains(instruction.kind) {
                    expand(&instruction, in: stageScope)
                }
                switch instruction.kind {
                case .arg:
                    for (key, value) in instruction.keyValuePairs {
                        if let value {
                            stageScope.arguments[key] = value
                        } else if let global = globalScope.arguments[key] {
                            stageScope.arguments[key] = global
                        } else if ArgumentEnvironment.automaticPlatformArguments.contains(key) {
                            stageScope.buildTimeNames.insert(key)
                        }
                    }
                case .env:
                    for (key, value) in instruction.keyValuePairs {
                        stageScope.environment[key] = value ?? ""
                    }
                default:
                    break
                }
                stages[stages.count - 1].instructions.append(instruction)
            }
            instructions[index] = instruction
        }
        guard !stages.isEmpty else {
            throw .noFrom(line: instructions.first?.lines.start ?? 1)
        }
        return (globals, stages)
    }

    /// Platforms tried for `FROM runtime-$TARGETARCH`, most common build target first.
    static let commonPlatforms: [(os: String, arch: String, variant: String)] = [
        ("linux", "amd64", ""), ("linux", "arm64", ""), ("linux", "arm", "v7"),
    ]

    /// `FROM runtime-$TARGETARCH` picks a stage per platform at build time; the audit follows
    /// the stage of the first common platform that has one, as a linux/amd64 build would.
    static func platformStage(_ base: String, _ named: [String: Int], escape: Character) -> Int? {
        guard base.contains("$") else { return nil }
        for platform in commonPlatforms {
            let full = [platform.os, platform.arch, platform.variant].filter { !$0.isEmpty }.joined(separator: "/")
            var values: [String: String] = [:]
            for side in ["TARGET", "BUILD"] {
                values[side + "OS"] = platform.os
                values[side + "ARCH"] = platform.arch
                values[side + "VARIANT"] = platform.variant
                values[side + "PLATFORM"] = full
            }
            let scope = ArgumentEnvironment(arguments: values, escapeCharacter: escape)
            if let index = named[scope.expand(base).lowercased()] { return index }
        }
        return nil
    }

    /// Expands the arguments, and the flag values of FROM/COPY/ADD (`--platform=$BUILDPLATFORM`,
    /// `--from=${BUILDER}`, `--chown=$UID`), which Docker expands too.
    private static func expand(_ instruction: inout Instruction, in scope: ArgumentEnvironment) {
        instruction.expandedArguments = scope.expand(instruction.arguments)
        switch instruction.kind {
        case .from, .copy, .add:
            for i in instruction.flags.indices {
                if let value = instruction.flags[i].value {
                    instruction.flags[i].value = scope.expand(value)
                }
            }
        default:
            break
        }
    }
}
