import Testing
@testable import DockerfileSyntax

@Suite struct HeredocTests {
    @Test func runHeredocBodyAndLines() throws {
        let file = try parsed("FROM alpine\nRUN <<EOF\napk add curl\n# not a comment\n\nEOF\nCMD sh\n")
        let run = file.instructions[1]
        #expect(run.heredocs == [Heredoc(
            delimiter: "EOF", body: "apk add curl\n# not a comment\n\n", isQuoted: false,
            stripsTabs: false, bodyStartLine: 3)])
        #expect(run.lines == LineRange(start: 2, end: 6))
        #expect(run.arguments == "<<EOF")
        #expect(run.commandForm == .shell("<<EOF"))
        #expect(file.comments.isEmpty)
        #expect(file.instructions[2].kind == .cmd)
        #expect(file.instructions[2].lines.start == 7)
    }

    @Test func emptyBody() throws {
        let file = try parsed("FROM alpine\nRUN <<EOF\nEOF\n")
        #expect(file.instructions[1].heredocs.first?.body == "")
        #expect(file.instructions[1].lines == LineRange(start: 2, end: 3))
    }

    @Test func dashStripsLeadingTabsFromBodyAndDelimiter() throws {
        let file = try parsed("FROM alpine\nRUN <<-EOF\n\techo a\n\t\techo b\n  echo c\n\tEOF\n")
        let doc = try #require(file.instructions[1].heredocs.first)
        #expect(doc.stripsTabs)
        #expect(doc.delimiter == "EOF")
        #expect(doc.body == "echo a\necho b\n  echo c\n")
    }

    @Test func withoutDashTabbedDelimiterDoesNotClose() throws {
        #expect(throws: DockerfileError.unterminatedHeredoc(delimiter: "EOF", line: 2)) {
            try DockerfileParser.parse("FROM alpine\nRUN <<EOF\n\techo a\n\tEOF\n")
        }
    }

    @Test func quotedDelimiters() throws {
        let file = try parsed("""
        FROM alpine
        RUN <<'EOF'
        echo $HOME
        EOF
        RUN <<"END"
        x
        END
        RUN <<E"O"F
        y
        EOF
        RUN <<-'TABS'
        \tz
        \tTABS

        """)
        let docs = file.instructions.dropFirst().map { $0.heredocs.first }
        #expect(docs.map { $0?.delimiter } == ["EOF", "END", "EOF", "TABS"])
        #expect(docs.map { $0?.isQuoted } == [true, true, true, true])
        #expect(docs[0]?.body == "echo $HOME\n")
        #expect(docs[3]?.stripsTabs == true)
        #expect(docs[3]?.body == "z\n")
    }

    @Test func unquotedDelimiterIsNotQuoted() throws {
        let file = try parsed("FROM alpine\nRUN <<EOF\necho $HOME\nEOF\n")
        #expect(file.instructions[1].heredocs.first?.isQuoted == false)
    }

    @Test func severalHeredocsOnOneLineReadInOrder() throws {
        let file = try parsed("FROM alpine\nRUN <<A cat && <<B cat\nfirst\nA\nsecond\nB\nCOPY <<X <<Y /dest/\nY\nX\nX\nY\n")
        let run = file.instructions[1]
        #expect(run.heredocs.map(\.delimiter) == ["A", "B"])
        #expect(run.heredocs.map(\.body) == ["first\n", "second\n"])
        #expect(run.heredocs.map(\.bodyStartLine) == [3, 5])
        #expect(run.lines == LineRange(start: 2, end: 6))
        let copy = file.instructions[2]
        #expect(copy.heredocs.map(\.body) == ["Y\n", "X\n"])
        #expect(copy.lines == LineRange(start: 7, end: 11))
    }

    @Test func copyAndAddHeredocs() throws {
        let file = try parsed("FROM alpine\nCOPY <<EOF /etc/app.conf\nkey=value\nEOF\nADD --chmod=755 <<EOF /run.sh\n#!/bin/sh\nEOF\n")
        let copy = file.instructions[1]
        #expect(copy.heredocs.first?.body == "key=value\n")
        #expect(copy.words == ["<<EOF", "/etc/app.conf"])
        let add = file.instructions[2]
        #expect(add.flag("chmod") == "755")
        #expect(add.heredocs.first?.body == "#!/bin/sh\n")
        #expect(add.lines == LineRange(start: 5, end: 7))
    }

    @Test func commandAroundTheHeredoc() throws {
        let file = try parsed("FROM python\nRUN python3 <<EOF\nprint('hi')\nEOF\nRUN <<EOF bash -ex\nset -u\nEOF\nRUN cat <<EOF>/etc/motd\nhi\nEOF>/etc/motd\n")
        #expect(file.instructions[1].heredocs.first?.body == "print('hi')\n")
        #expect(file.instructions[1].arguments == "python3 <<EOF")
        #expect(file.instructions[2].heredocs.first?.body == "set -u\n")
        #expect(file.instructions[2].arguments == "<<EOF bash -ex")
        // BuildKit takes the whole word after << as the delimiter.
        #expect(file.instructions[3].heredocs.first?.delimiter == "EOF>/etc/motd")
    }

    @Test func heredocAfterContinuationStartsAfterTheLastContinuationLine() throws {
        let file = try parsed("FROM alpine\nRUN --mount=type=cache,target=/var/cache/apk \\\n    <<EOF\napk add git\nEOF\n")
        let run = file.instructions[1]
        #expect(run.heredocs.first?.bodyStartLine == 4)
        #expect(run.lines == LineRange(start: 2, end: 5))
        #expect(run.flagValues("mount") == ["type=cache,target=/var/cache/apk"])
    }

    @Test func fileDescriptorPrefixAndSpacedDelimiter() throws {
        let file = try parsed("FROM alpine\nRUN 3<<EOF\na\nEOF\nRUN cat << EOF > /x\nb\nEOF\n")
        #expect(file.instructions[1].heredocs.first?.delimiter == "EOF")
        #expect(file.instructions[2].heredocs.first?.delimiter == "EOF")
        #expect(file.instructions[2].heredocs.first?.body == "b\n")
    }

    @Test func unterminatedHeredocIsAnError() {
        #expect(throws: DockerfileError.unterminatedHeredoc(delimiter: "EOF", line: 2)) {
            try DockerfileParser.parse("FROM alpine\nRUN <<EOF\necho never closed\n")
        }
        #expect(throws: DockerfileError.unterminatedHeredoc(delimiter: "B", line: 2)) {
            try DockerfileParser.parse("FROM alpine\nRUN <<A <<B\nA\nonly the first closed\n")
        }
    }

    @Test func notHeredocs() throws {
        let file = try parsed("""
        FROM alpine
        RUN echo "a<<b" '<<EOF'
        RUN cat <<< "x"
        RUN x << 5
        RUN echo $((1 << 5)) && echo $((2<<3))
        RUN (( y = 1 <<4 ))
        RUN echo a<<b
        RUN ["sh", "-c", "cat <<EOF"]
        USER <<INVALID
        CMD <<EOF
        RUN echo <<

        """)
        for instruction in file.instructions {
            #expect(instruction.heredocs.isEmpty, "\(instruction.keyword) \(instruction.arguments)")
        }
        #expect(file.instructions.count == 11)
    }

    @Test func onbuildTriggerCarriesHeredocs() throws {
        let file = try parsed("FROM alpine\nONBUILD RUN <<EOF\necho later\nEOF\nCMD x\n")
        let onbuild = file.instructions[1]
        #expect(onbuild.lines == LineRange(start: 2, end: 4))
        #expect(onbuild.heredocs.first?.body == "echo later\n")
        #expect(onbuild.trigger.first?.heredocs.first?.body == "echo later\n")
        #expect(file.instructions.count == 3)
    }

    @Test func openerDetection() {
        #expect(HeredocReader.opener(Array("<<EOF".utf8)[...]) == HeredocOpener(delimiter: "EOF", isQuoted: false, stripsTabs: false))
        #expect(HeredocReader.opener(Array("<<-'EOF'".utf8)[...]) == HeredocOpener(delimiter: "EOF", isQuoted: true, stripsTabs: true))
        #expect(HeredocReader.opener(Array("<<eo\\'f".utf8)[...]) == HeredocOpener(delimiter: "eo'f", isQuoted: false, stripsTabs: false))
        #expect(HeredocReader.opener(Array("<< -EOF".utf8)[...])?.delimiter == "-EOF")
        #expect(HeredocReader.opener(Array("<<".utf8)[...]) == nil)
        #expect(HeredocReader.opener(Array("<<-".utf8)[...]) == nil)
        #expect(HeredocReader.opener(Array("<<<EOF".utf8)[...]) == nil)
        #expect(HeredocReader.opener(Array("<EOF".utf8)[...]) == nil)
        #expect(HeredocReader.opener(Array("x<<EOF".utf8)[...]) == nil)
        #expect(HeredocReader.opener(Array("<<''".utf8)[...]) == nil)
    }
}
