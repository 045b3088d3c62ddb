import Testing
@testable import DockerfileSyntax

@Suite struct VariableExpansionTests {
    let env = ArgumentEnvironment(
        environment: ["HOME": "/root", "EMPTY": ""],
        arguments: ["VERSION": "22", "HOME": "/ignored-arg", "PATHY": "/usr/local/bin/tool.tar.gz"])

    @Test func plainAndBracedReferences() {
        #expect(env.expand("node:$VERSION-alpine") == "node:22-alpine")
        #expect(env.expand("node:${VERSION}alpine") == "node:22alpine")
        #expect(env.expand("$UNKNOWN/x${UNKNOWN}y") == "/xy")
        #expect(env.expand("no refs") == "no refs")
    }

    @Test func envWinsOverArg() {
        #expect(env.expand("$HOME") == "/root")
    }

    @Test func defaultAndAlternativeModifiers() {
        #expect(env.expand("${UNSET:-def}") == "def")
        #expect(env.expand("${EMPTY:-def}") == "def")
        #expect(env.expand("${VERSION:-def}") == "22")
        #expect(env.expand("${UNSET-def}") == "def")
        #expect(env.expand("${EMPTY-def}") == "")
        #expect(env.expand("${VERSION:+alt}") == "alt")
        #expect(env.expand("${EMPTY:+alt}") == "")
        #expect(env.expand("${UNSET:+alt}") == "")
        #expect(env.expand("${EMPTY+alt}") == "alt")
        #expect(env.expand("${UNSET+alt}") == "")
        #expect(env.expand("${UNSET:?needed}") == "")
        #expect(env.expand("${VERSION?needed}") == "22")
    }

    @Test func nestedDefaults() {
        #expect(env.expand("${A:-${B:-$VERSION}}") == "22")
        #expect(env.expand("${A:-x-${VERSION}-y}") == "x-22-y")
    }

    @Test func patternRemoval() {
        #expect(env.expand("${PATHY##*/}") == "tool.tar.gz")
        #expect(env.expand("${PATHY#*/}") == "usr/local/bin/tool.tar.gz")
        #expect(env.expand("${PATHY%.*}") == "/usr/local/bin/tool.tar")
        #expect(env.expand("${PATHY%%.*}") == "/usr/local/bin/tool")
        #expect(env.expand("${PATHY%nomatch}") == "/usr/local/bin/tool.tar.gz")
    }

    @Test func escapesAndSingleQuotesProtectDollar() {
        #expect(env.expand("\\$HOME") == "\\$HOME")
        #expect(env.expand("'$HOME'") == "'$HOME'")
        #expect(env.expand("\"$HOME\"") == "\"/root\"")
        #expect(env.expand("\"it's $HOME\"") == "\"it's /root\"")
        let backtick = ArgumentEnvironment(arguments: ["A": "1"], escapeCharacter: "`")
        #expect(backtick.expand("`$A \\$A") == "`$A \\1")
    }

    @Test func literalDollarForms() {
        #expect(env.expand("cost $ 5") == "cost $ 5")
        #expect(env.expand("end$") == "end$")
        #expect(env.expand("${") == "${")
        #expect(env.expand("${}") == "${}")
        #expect(env.expand("${VERSION") == "${VERSION")
        #expect(env.expand("$1x") == "x")
    }

    @Test func buildTimeNamesStayAsWritten() {
        let platform = ArgumentEnvironment(buildTimeNames: ["TARGETARCH"])
        #expect(platform.expand("bin/$TARGETARCH/${TARGETARCH}") == "bin/$TARGETARCH/${TARGETARCH}")
        #expect(platform.expand("${TARGETARCH:-amd64}") == "${TARGETARCH:-amd64}")
        let known = ArgumentEnvironment(arguments: ["TARGETARCH": "arm64"], buildTimeNames: ["TARGETARCH"])
        #expect(known.expand("$TARGETARCH") == "arm64")
    }

    @Test func deepNestingAndUnbalancedBracesStayLinear() {
        let deep = String(repeating: "${A:-", count: 10_000) + "x" + String(repeating: "}", count: 10_000)
        let result = env.expand(deep)
        #expect(!result.isEmpty)
        let unbalanced = String(repeating: "${A:-", count: 100_000)
        #expect(env.expand(unbalanced) == unbalanced)
    }

    @Test func globMatching() {
        #expect(PatternRemoval.matches(Array("a*c".utf8)[...], Array("abbbc".utf8)[...]))
        #expect(PatternRemoval.matches(Array("a?c".utf8)[...], Array("abc".utf8)[...]))
        #expect(!PatternRemoval.matches(Array("a?c".utf8)[...], Array("abbc".utf8)[...]))
        #expect(PatternRemoval.matches(Array("\\*".utf8)[...], Array("*".utf8)[...]))
        #expect(!PatternRemoval.matches(Array("\\*".utf8)[...], Array("x".utf8)[...]))
    }
}

@Suite struct InstructionExpansionTests {
    @Test func onlyExpandingInstructionsAreExpanded() throws {
        let file = try parsed("""
        FROM alpine
        ARG DIR=/srv
        ENV APP=$DIR/app
        WORKDIR $APP
        COPY --chown=${UID:-1000} src $APP/
        RUN echo $APP
        CMD echo $APP
        LABEL path=$APP
        EXPOSE ${PORT:-8080}
        USER ${USERNAME:-app}
        VOLUME $DIR/data
        STOPSIGNAL ${SIG:-SIGTERM}

        """)
        let i = file.instructions
        #expect(i[2].expandedArguments == "APP=/srv/app")
        #expect(i[3].expandedArguments == "/srv/app")
        #expect(i[4].expandedArguments == "src /srv/app/")
        #expect(i[4].flag("chown") == "1000")
        #expect(i[5].expandedArguments == "echo $APP")
        #expect(i[6].expandedArguments == "echo $APP")
        #expect(i[7].keyValuePairs.first?.value == "/srv/app")
        #expect(i[8].words == ["8080"])
        #expect(i[9].words == ["app"])
        #expect(i[10].words == ["/srv/data"])
        #expect(i[11].words == ["SIGTERM"])
    }

    @Test func envValuesUsePriorScopeWithinOneInstruction() throws {
        let file = try parsed("FROM alpine\nENV abc=hello\nENV abc=bye def=$abc\nENV ghi=$abc\n")
        #expect(file.instructions[2].keyValuePairs.map(\.value) == ["bye", "hello"])
        #expect(file.instructions[3].keyValuePairs.first?.value == "bye")
    }

    @Test func singleQuotesInEnvPreventExpansion() throws {
        let file = try parsed("FROM alpine\nARG X=1\nENV A='$X' B=\"$X\" C=\\$X\n")
        let pairs = file.instructions[2].keyValuePairs
        #expect(pairs.map(\.value) == ["$X", "1", "$X"])
        #expect(file.instructions[2].expandedArguments == "A='$X' B=\"1\" C=\\$X")
    }

    @Test func escapedDollarStaysLiteralInWords() throws {
        let file = try parsed("FROM alpine\nENV HOME=/root\nWORKDIR \\$HOME\n")
        #expect(file.instructions[2].expandedArguments == "\\$HOME")
        #expect(file.instructions[2].words == ["$HOME"])
    }

    @Test func envOverridesArgOfTheSameName() throws {
        let file = try parsed("FROM alpine\nENV V=env\nARG V=arg\nWORKDIR /$V\n")
        #expect(file.instructions[3].expandedArguments == "/env")
    }

    @Test func onbuildTriggerIsNotExpanded() throws {
        let file = try parsed("FROM alpine\nARG X=1\nONBUILD COPY $X /dst\n")
        #expect(file.instructions[2].expandedArguments == "COPY $X /dst")
        #expect(file.instructions[2].trigger.first?.expandedArguments == "$X /dst")
    }
}
