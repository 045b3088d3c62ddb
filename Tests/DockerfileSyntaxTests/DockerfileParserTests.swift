import Testing
@testable import DockerfileSyntax

/// Parses text that must be valid; a failure is reported by the test that calls it.
func parsed(_ text: String) throws -> Dockerfile {
    try DockerfileParser.parse(text)
}

@Suite struct DirectiveTests {
    @Test func directivesAtTheTopAreReadCaseInsensitively() throws {
        let file = try parsed("# syntax=docker/dockerfile:1\n#  ESCAPE = \\\n# Check=skip=JSONArgsRecommended\nFROM alpine\n")
        #expect(file.directives == [
            "syntax": "docker/dockerfile:1", "escape": "\\", "check": "skip=JSONArgsRecommended",
        ])
        #expect(file.comments.isEmpty)
        #expect(file.escapeCharacter == "\\")
    }

    @Test func directivesStopAtTheFirstOrdinaryComment() throws {
        let file = try parsed("# a comment\n# syntax=docker/dockerfile:1\nFROM alpine\n")
        #expect(file.directives.isEmpty)
        #expect(file.comments.map(\.text) == ["a comment", "syntax=docker/dockerfile:1"])
    }

    @Test func directivesStopAtABlankLine() throws {
        let file = try parsed("\n# escape=`\nFROM alpine\n")
        #expect(file.directives.isEmpty)
        #expect(file.escapeCharacter == "\\")
    }

    @Test func directivesStopAtTheFirstInstruction() throws {
        let file = try parsed("FROM alpine\n# syntax=docker/dockerfile:1\n")
        #expect(file.directives.isEmpty)
        #expect(file.comments == [Comment(line: 2, text: "syntax=docker/dockerfile:1")])
    }

    @Test func unknownDirectiveKeyIsAComment() throws {
        let file = try parsed("# foo=bar\n# syntax=x\nFROM alpine\n")
        #expect(file.directives.isEmpty)
        #expect(file.comments.count == 2)
    }

    @Test func backtickEscapeJoinsWindowsLines() throws {
        let text = "# escape=`\nFROM mcr.microsoft.com/windows/servercore\nRUN dir c:\\ `\n    && echo done\nWORKDIR C:\\app\n"
        let file = try parsed(text)
        #expect(file.escapeCharacter == "`")
        #expect(file.directives["escape"] == "`")
        let run = file.instructions[1]
        #expect(run.kind == .run)
        #expect(run.arguments == "dir c:\\     && echo done")
        #expect(run.lines == LineRange(start: 3, end: 4))
        let workdir = file.instructions[2]
        #expect(workdir.words == ["C:\\app"])
        #expect(workdir.escapeCharacter == "`")
    }

    @Test func backslashIsNotAContinuationUnderBacktickEscape() throws {
        let file = try parsed("# escape=`\nFROM x\nRUN echo a\\\nRUN echo b\n")
        #expect(file.instructions.count == 3)
        #expect(file.instructions[1].arguments == "echo a\\")
    }
}

@Suite struct CommentAndContinuationTests {
    @Test func commentsOutsideInstructionsAreCollectedTrimmed() throws {
        let file = try parsed("FROM alpine\n   #   install tools  \nRUN apk add curl\n#\n")
        #expect(file.comments == [Comment(line: 2, text: "install tools"), Comment(line: 4, text: "")])
        #expect(file.instructions.count == 2)
    }

    @Test func continuationJoinsWithoutInsertingAnything() throws {
        let file = try parsed("FROM alpine\nRUN apk add \\\n    curl \\\n    git\n")
        let run = file.instructions[1]
        #expect(run.arguments == "apk add     curl     git")
        #expect(run.lines == LineRange(start: 2, end: 4))
    }

    @Test func commentAndBlankLinesInsideAContinuationAreSkipped() throws {
        let text = "FROM alpine\nRUN apt-get update && \\\n    # the tools\n\n    apt-get install -y curl\nCMD [\"sh\"]\n"
        let file = try parsed(text)
        #expect(file.instructions.count == 3)
        let run = file.instructions[1]
        #expect(run.arguments == "apt-get update &&     apt-get install -y curl")
        #expect(run.lines == LineRange(start: 2, end: 5))
        #expect(file.comments.isEmpty)
        #expect(file.instructions[2].lines.start == 6)
    }

    @Test func trailingWhitespaceAfterTheEscapeStillContinues() throws {
        let file = try parsed("FROM alpine\nRUN echo a \\   \t\n  b\n")
        #expect(file.instructions[1].arguments == "echo a   b")
        #expect(file.instructions.count == 2)
    }

    @Test func escapedEscapeAtLineEndDoesNotContinue() throws {
        let file = try parsed("FROM alpine\nRUN echo a\\\\\nRUN echo b\n")
        #expect(file.instructions.count == 3)
    }

    @Test func continuationIntoEndOfFileEndsTheInstruction() throws {
        let file = try parsed("FROM alpine\nRUN echo a \\\n")
        #expect(file.instructions.count == 2)
        #expect(file.instructions[1].arguments == "echo a")
        #expect(file.instructions[1].lines == LineRange(start: 2, end: 2))

        let trailingBlank = try parsed("FROM alpine\nRUN echo a \\\n\n\n")
        #expect(trailingBlank.instructions[1].lines == LineRange(start: 2, end: 4))
    }

    @Test func fiveThousandLineContinuationParses() throws {
        var text = "FROM alpine\nRUN true"
        for i in 0..<5_000 { text += " \\\n  && echo \(i)" }
        text += "\n"
        let file = try parsed(text)
        #expect(file.instructions.count == 2)
        #expect(file.instructions[1].lines == LineRange(start: 2, end: 5_002))
        #expect(file.instructions[1].arguments.hasSuffix("&& echo 4999"))
    }

    @Test func hundredThousandLineContinuationParses() throws {
        var text = "FROM alpine\nRUN true"
        text += String(repeating: " \\\n x", count: 100_000)
        let file = try parsed(text)
        #expect(file.instructions[1].lines.end == 100_002)
    }

    @Test func longSingleLineParses() throws {
        let text = "FROM alpine\nRUN " + String(repeating: "echo ${A:-${B} '<<x' \"q\" && ", count: 50_000)
        let file = try parsed(text)
        #expect(file.instructions.count == 2)
        #expect(file.instructions[1].heredocs.isEmpty)
    }
}

@Suite struct InstructionShapeTests {
    @Test func keywordsAreCaseInsensitiveAndKeepTheirSpelling() throws {
        let file = try parsed("from alpine\nRun echo hi\ncOpY a b\n")
        #expect(file.instructions.map(\.kind) == [.from, .run, .copy])
        #expect(file.instructions.map(\.keyword) == ["from", "Run", "cOpY"])
    }

    @Test func unknownKeywordIsKeptAsUnknown() throws {
        let file = try parsed("FROM alpine\nFROBNICATE the thing\n")
        #expect(file.instructions[1].kind == .unknown)
        #expect(file.instructions[1].keyword == "FROBNICATE")
        #expect(file.instructions[1].arguments == "the thing")
        #expect(file.instructions[1].expandedArguments == "the thing")
    }

    @Test func copyFlagsAreParsedInOrder() throws {
        let file = try parsed("FROM alpine\nCOPY --from=build --chown=app:app --chmod=755 --link --parents --exclude=*.md --checksum=sha256:abc --keep-git-dir=true src/ /app/\n")
        let copy = file.instructions[1]
        #expect(copy.flags.map(\.name) == ["from", "chown", "chmod", "link", "parents", "exclude", "checksum", "keep-git-dir"])
        #expect(copy.flag("from") == "build")
        #expect(copy.flag("link") == "")
        #expect(copy.flags[3].value == nil)
        #expect(copy.flag("exclude") == "*.md")
        #expect(copy.flag("missing") == nil)
        #expect(copy.arguments == "src/ /app/")
        #expect(copy.words == ["src/", "/app/"])
    }

    @Test func runMountFlagsRepeat() throws {
        let file = try parsed("FROM alpine\nRUN --mount=type=secret,id=npm --mount=type=cache,target=/root/.npm --network=none --security=insecure npm ci --silent\n")
        let run = file.instructions[1]
        #expect(run.flagValues("mount") == ["type=secret,id=npm", "type=cache,target=/root/.npm"])
        #expect(run.flag("network") == "none")
        #expect(run.flag("security") == "insecure")
        #expect(run.arguments == "npm ci --silent")
    }

    @Test func flagsEndAtTheFirstNonFlagWordAndQuotesAreRemoved() throws {
        let file = try parsed("FROM alpine\nRUN --mount=\"type=bind,source=a b\" echo --not-a-flag\nRUN -- --weird\n")
        #expect(file.instructions[1].flagValues("mount") == ["type=bind,source=a b"])
        #expect(file.instructions[1].arguments == "echo --not-a-flag")
        #expect(file.instructions[2].flags.isEmpty)
        #expect(file.instructions[2].arguments == "--weird")
    }

    @Test func fromPlatformFlag() throws {
        let file = try parsed("FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n")
        #expect(file.stages[0].platform == "$BUILDPLATFORM")
        #expect(file.stages[0].baseImage == "golang:1.22")
        #expect(file.stages[0].name == "build")
    }

    @Test func onbuildHoldsItsParsedTrigger() throws {
        let file = try parsed("FROM alpine\nONBUILD COPY --chown=app . /src\nonbuild run make\n")
        let onbuild = file.instructions[1]
        #expect(onbuild.kind == .onbuild)
        #expect(onbuild.arguments == "COPY --chown=app . /src")
        #expect(onbuild.trigger.count == 1)
        #expect(onbuild.trigger[0].kind == .copy)
        #expect(onbuild.trigger[0].flag("chown") == "app")
        #expect(onbuild.trigger[0].arguments == ". /src")
        #expect(file.instructions[2].trigger.first?.kind == .run)
        #expect(file.instructions[2].trigger.first?.commandForm == .shell("make"))
    }

    @Test func healthcheckNoneAndFlags() throws {
        let file = try parsed("""
        FROM alpine
        HEALTHCHECK NONE
        HEALTHCHECK --interval=30s --timeout=3s --start-period=5s --start-interval=1s --retries=3 \\
          CMD curl -f http://localhost/ || exit 1
        healthcheck cmd ["curl", "-f", "http://localhost/"]

        """)
        let none = file.instructions[1]
        #expect(none.kind == .healthcheck)
        #expect(none.arguments == "NONE")
        #expect(none.commandForm == nil)
        let check = file.instructions[2]
        #expect(check.flag("interval") == "30s")
        #expect(check.flag("timeout") == "3s")
        #expect(check.flag("start-period") == "5s")
        #expect(check.flag("start-interval") == "1s")
        #expect(check.flag("retries") == "3")
        #expect(check.commandForm == .shell("curl -f http://localhost/ || exit 1"))
        #expect(check.lines == LineRange(start: 3, end: 4))
        #expect(file.instructions[3].commandForm == .exec(["curl", "-f", "http://localhost/"]))
    }

    @Test func execAndShellForms() throws {
        let file = try parsed("""
        FROM alpine
        RUN ["apk", "add", "--no-cache", "curl"]
        CMD ['nginx', '-g', 'daemon off;']
        ENTRYPOINT ["/bin/tini", "--"]
        CMD [ "a\\"b", "\\u00e9\\n" ]
        RUN ["a", 1]
        CMD []
        SHELL ["powershell", "-Command"]
        EXPOSE 80

        """)
        let i = file.instructions
        #expect(i[1].commandForm == .exec(["apk", "add", "--no-cache", "curl"]))
        #expect(i[2].commandForm == .shell("['nginx', '-g', 'daemon off;']"))
        #expect(i[3].commandForm == .exec(["/bin/tini", "--"]))
        #expect(i[4].commandForm == .exec(["a\"b", "é\n"]))
        #expect(i[5].commandForm == .shell("[\"a\", 1]"))
        #expect(i[6].commandForm == .exec([]))
        #expect(i[7].commandForm == nil)
        #expect(i[7].words == ["powershell", "-Command"])
        #expect(i[8].commandForm == nil)
    }

    @Test func simpleInstructions() throws {
        let file = try parsed("""
        FROM alpine
        MAINTAINER Jane Doe <jane@example.com>
        STOPSIGNAL SIGTERM
        EXPOSE 80/tcp 443 53/udp
        VOLUME ["/data", "/logs"]
        VOLUME /cache /tmp/x
        WORKDIR /app
        USER app:app

        """)
        let i = file.instructions
        #expect(i[1].kind == .maintainer)
        #expect(i[1].arguments == "Jane Doe <jane@example.com>")
        #expect(i[2].kind == .stopsignal)
        #expect(i[2].words == ["SIGTERM"])
        #expect(i[3].words == ["80/tcp", "443", "53/udp"])
        #expect(i[4].words == ["/data", "/logs"])
        #expect(i[5].words == ["/cache", "/tmp/x"])
        #expect(i[6].words == ["/app"])
        #expect(i[7].words == ["app:app"])
    }

    @Test func wordsHonourQuotesAndJSON() throws {
        let file = try parsed("FROM alpine\nCOPY [\"a b\", \"/x/\"]\nCOPY \"my file\" 'other file' plain\\ name /dst/\n")
        #expect(file.instructions[1].words == ["a b", "/x/"])
        #expect(file.instructions[2].words == ["my file", "other file", "plain name", "/dst/"])
    }
}

@Suite struct KeyValueTests {
    @Test func envForms() throws {
        let file = try parsed("""
        FROM alpine
        ENV A=1 B="two words" C='single $quoted' D=
        ENV LEGACY value with spaces
        ENV Q "quoted legacy"
        ENV E=a\\ b

        """)
        let i = file.instructions
        #expect(i[1].keyValuePairs.map(\.key) == ["A", "B", "C", "D"])
        #expect(i[1].keyValuePairs.map(\.value) == ["1", "two words", "single $quoted", ""])
        #expect(i[2].keyValuePairs.map(\.key) == ["LEGACY"])
        #expect(i[2].keyValuePairs.map(\.value) == ["value with spaces"])
        #expect(i[3].keyValuePairs.map(\.value) == ["quoted legacy"])
        #expect(i[4].keyValuePairs.map(\.value) == ["a b"])
    }

    @Test func labelWithQuotedKeys() throws {
        let file = try parsed("FROM alpine\nLABEL \"com.example.vendor\"=\"ACME Inc\" version=1.0 description=\"multi \\\nline\"\n")
        let pairs = file.instructions[1].keyValuePairs
        #expect(pairs.map(\.key) == ["com.example.vendor", "version", "description"])
        #expect(pairs.map(\.value) == ["ACME Inc", "1.0", "multi line"])
    }

    @Test func argWithAndWithoutValue() throws {
        let file = try parsed("ARG A\nARG B=2 C\nFROM alpine\n")
        #expect(file.instructions[0].keyValuePairs.map(\.key) == ["A"])
        #expect(file.instructions[0].keyValuePairs.map(\.value) == [nil])
        #expect(file.instructions[1].keyValuePairs.map(\.key) == ["B", "C"])
        #expect(file.instructions[1].keyValuePairs.map(\.value) == ["2", nil])
    }

    @Test func otherKindsHaveNoPairs() throws {
        let file = try parsed("FROM alpine\nRUN A=1 make\n")
        #expect(file.instructions[1].keyValuePairs.isEmpty)
    }
}

@Suite struct InputErrorTests {
    @Test func emptyAndCommentOnlyFilesAreEmpty() {
        #expect(throws: DockerfileError.empty) { try DockerfileParser.parse("") }
        #expect(throws: DockerfileError.empty) { try DockerfileParser.parse("# just a comment\n\n   \n") }
        #expect(throws: DockerfileError.empty) { try DockerfileParser.parse("# syntax=docker/dockerfile:1\n") }
        #expect(throws: DockerfileError.empty) { try DockerfileParser.parse(bytes: [0xEF, 0xBB, 0xBF]) }
    }

    @Test func nulBytesAreBinary() {
        #expect(throws: DockerfileError.binary) { try DockerfileParser.parse(bytes: Array("FROM a\0\n".utf8)) }
        #expect(throws: DockerfileError.binary) { try DockerfileParser.parse("FROM a\u{0}") }
    }

    @Test func invalidUTF8ReportsItsLine() {
        var bytes = Array("FROM alpine\nRUN echo ok\nRUN echo ".utf8)
        bytes += [0xC3, 0x28, 0x0A]
        #expect(throws: DockerfileError.invalidUTF8(line: 3)) { try DockerfileParser.parse(bytes: bytes) }
        // Overlong encoding and a lone surrogate are invalid too.
        #expect(throws: DockerfileError.invalidUTF8(line: 1)) { try DockerfileParser.parse(bytes: [0x46, 0xC0, 0xAF]) }
        #expect(throws: DockerfileError.invalidUTF8(line: 2)) {
            try DockerfileParser.parse(bytes: Array("FROM a\n".utf8) + [0xED, 0xA0, 0x80])
        }
        // Truncated sequence at the end of the input.
        #expect(throws: DockerfileError.invalidUTF8(line: 1)) { try DockerfileParser.parse(bytes: [0x46, 0xE2, 0x82]) }
    }

    @Test func validMultibyteTextIsAccepted() throws {
        let file = try DockerfileParser.parse(bytes: Array("FROM alpine\nLABEL name=\"café ☕ 𝄞\"\n".utf8))
        #expect(file.instructions[1].keyValuePairs.first?.value == "café ☕ 𝄞")
    }

    @Test func oversizedInputIsRejected() {
        let bytes = Array("FROM alpine\n".utf8)
        #expect(throws: DockerfileError.tooLarge(bytes: bytes.count, limit: 5)) {
            try DockerfileParser.parse(bytes: bytes, maxBytes: 5)
        }
        #expect(DockerfileParser.defaultMaxBytes == 4 * 1024 * 1024)
    }

    @Test func instructionBeforeFromIsNoFrom() {
        #expect(throws: DockerfileError.noFrom(line: 3)) {
            try DockerfileParser.parse("# comment\nARG X=1\nRUN echo hi\nFROM alpine\n")
        }
        #expect(throws: DockerfileError.noFrom(line: 1)) { try DockerfileParser.parse("ARG ONLY=1\n") }
    }

    @Test func crlfLineEndingsAndBOM() throws {
        let text = "\u{FEFF}# syntax=docker/dockerfile:1\r\nFROM alpine\r\nRUN echo a \\\r\n  b\r\nCOPY <<EOF /x\r\nhello\r\nEOF\r\n"
        let file = try DockerfileParser.parse(bytes: Array(text.utf8))
        #expect(file.directives["syntax"] == "docker/dockerfile:1")
        #expect(file.instructions.count == 3)
        #expect(file.instructions[0].arguments == "alpine")
        #expect(file.instructions[1].arguments == "echo a   b")
        #expect(file.instructions[2].heredocs.first?.body == "hello\n")
        #expect(file.instructions[2].lines == LineRange(start: 5, end: 7))
        #expect(file.lineCount == 7)
    }

    @Test func lineCountCountsLastLineWithoutNewline() throws {
        #expect(try parsed("FROM a\nRUN b").lineCount == 2)
        #expect(try parsed("FROM a\nRUN b\n\n").lineCount == 3)
    }
}
