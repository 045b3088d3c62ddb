import Testing
@testable import DockerfileSyntax

/// Each pipeline as its commands' names (nil for a bare assignment).
private func names(_ script: ShellScript) -> [[String?]] {
    script.pipelines.map { $0.commands.map(\.name) }
}

/// Each command as its words after quote removal.
private func words(_ script: ShellScript) -> [[String]] {
    script.commands.map { $0.words.map(\.text) }
}

private func separators(_ script: ShellScript) -> [String?] {
    script.pipelines.map(\.followedBy)
}

// MARK: Words and quoting

@Test func blanksSeparateWords() {
    let script = ShellScript.parse("apt-get install -y  --no-install-recommends\tgcc")
    #expect(words(script) == [["apt-get", "install", "-y", "--no-install-recommends", "gcc"]])
}

@Test func singleQuotesAreLiteral() {
    let command = ShellScript.parse(#"echo 'a "b" $HOME \n'"#).commands[0]
    #expect(command.arguments == [#"a "b" $HOME \n"#])
    #expect(command.words[1].raw == #"'a "b" $HOME \n'"#)
}

@Test func doubleQuoteEscapes() {
    let command = ShellScript.parse(#"echo "a \"b\" \\ \$x \` \n""#).commands[0]
    #expect(command.arguments == [#"a "b" \ $x ` \n"#])
}

@Test func backslashOutsideQuotes() {
    #expect(ShellScript.parse(#"echo a\ b \$x"#).commands[0].arguments == ["a b", "$x"])
}

@Test func ansiCQuotes() {
    #expect(ShellScript.parse(#"printf $'a\tb\n\'q\''"#).commands[0].arguments == ["a\tb\n'q'"])
}

@Test func adjacentQuotedPartsJoin() {
    let word = ShellScript.parse(#"cmd --opt="a b"c"#).commands[0].words[1]
    #expect(word.text == "--opt=a bc")
    #expect(word.raw == #"--opt="a b"c"#)
}

@Test func quotedOperatorsStayInWords() {
    let script = ShellScript.parse(#"echo "a && b" > f"#)
    #expect(script.pipelines.count == 1)
    #expect(script.commands[0].arguments == ["a && b"])
    #expect(script.commands[0].redirections == [">f"])
}

@Test func parameterExpansionsStayLiteral() {
    let command = ShellScript.parse(#"echo ${VAR} ${VAR:-x y} $VAR "$1" $@ ${#A[@]}"#).commands[0]
    #expect(command.arguments == ["${VAR}", "${VAR:-x y}", "$VAR", "$1", "$@", "${#A[@]}"])
}

@Test func lineContinuationsJoin() {
    let script = ShellScript.parse("apt-get install -y \\\n    gcc \\\n    make && echo ok\\\nay")
    #expect(words(script) == [["apt-get", "install", "-y", "gcc", "make"], ["echo", "okay"]])
}

@Test func unterminatedDoubleQuoteTakesTheRest() {
    let script = ShellScript.parse(#"echo "abc && rm -rf /"#)
    #expect(words(script) == [["echo", "abc && rm -rf /"]])
}

@Test func unterminatedSingleQuoteTakesTheRest() {
    #expect(words(ShellScript.parse("echo 'abc; ls")) == [["echo", "abc; ls"]])
}

@Test func trailingBackslashIsKept() {
    #expect(words(ShellScript.parse("echo a\\")) == [["echo", "a\\"]])
}

@Test func utf8SurvivesIntact() {
    #expect(words(ShellScript.parse("echo 'héllo wörld' ✓")) == [["echo", "héllo wörld", "✓"]])
}

// MARK: Operators

@Test func aptGetChain() {
    let script = ShellScript.parse(
        "apt-get update && apt-get install -y --no-install-recommends gcc && rm -rf /var/lib/apt/lists/*")
    #expect(names(script) == [["apt-get"], ["apt-get"], ["rm"]])
    #expect(separators(script) == ["&&", "&&", nil])
    #expect(script.commands[2].arguments == ["-rf", "/var/lib/apt/lists/*"])
    #expect(script.pipelines.allSatisfy { $0.nesting == .topLevel })
}

@Test func curlPipedToShell() {
    let script = ShellScript.parse("curl -fsSL https://x/install.sh | sh -")
    #expect(names(script) == [["curl", "sh"]])
    #expect(script.pipelines[0].commands[1].arguments == ["-"])
}

@Test func wgetPipedToBash() {
    let script = ShellScript.parse("wget -qO- https://x | bash -s -- --yes")
    #expect(names(script) == [["wget", "bash"]])
    #expect(script.commands[1].arguments == ["-s", "--", "--yes"])
}

@Test func curlPipedToTar() {
    let script = ShellScript.parse("curl https://x | tar xz -C /opt")
    #expect(names(script) == [["curl", "tar"]])
}

@Test func allSeparators() {
    let script = ShellScript.parse("a; b & c || d && e |& f\ng")
    #expect(names(script) == [["a"], ["b"], ["c"], ["d"], ["e", "f"], ["g"]])
    #expect(separators(script) == [";", "&", "||", "&&", "\n", nil])
}

@Test func newlinesCollapseAndContinueAfterOperators() {
    let script = ShellScript.parse("\n\na\n\n\nb &&\n\nc |\n d ||\ne\n")
    #expect(names(script) == [["a"], ["b"], ["c", "d"], ["e"]])
    #expect(separators(script) == ["\n", "&&", "||", "\n"])
}

@Test func doubleSemicolonIsASemicolon() {
    #expect(separators(ShellScript.parse("a;; b")) == [";", nil])
}

@Test func setEuxApkChain() {
    let script = ShellScript.parse(
        "set -eux; apk add --no-cache --virtual .build-deps gcc musl-dev; pip install --no-cache-dir -r requirements.txt; apk del .build-deps")
    #expect(names(script) == [["set"], ["apk"], ["pip"], ["apk"]])
    #expect(separators(script) == [";", ";", ";", nil])
    #expect(script.commands[1].arguments == ["add", "--no-cache", "--virtual", ".build-deps", "gcc", "musl-dev"])
}

// MARK: Comments

@Test func commentsRunToEndOfLine() {
    let script = ShellScript.parse("echo a # rm -rf /\necho b;# x && y\n#only\necho c#d")
    #expect(words(script) == [["echo", "a"], ["echo", "b"], ["echo", "c#d"]])
}

// MARK: Redirections

@Test func redirectionsAreSeparatedFromWords() {
    let command = ShellScript.parse("cmd a > /dev/null 2>&1 b >>log <in 3<>rw >|f &>all &>>all2 >&2 2> err <&0").commands[0]
    #expect(command.arguments == ["a", "b"])
    #expect(command.redirections == [
        ">/dev/null", "2>&1", ">>log", "<in", "3<>rw", ">|f", "&>all", "&>>all2", ">&2", "2>err", "<&0",
    ])
}

@Test func redirectionBeforeCommandName() {
    let command = ShellScript.parse(">out 2>/dev/null echo hi").commands[0]
    #expect(command.name == "echo")
    #expect(command.redirections == [">out", "2>/dev/null"])
}

@Test func digitsNotFollowedByRedirectionAreWords() {
    #expect(words(ShellScript.parse("sleep 10 2")) == [["sleep", "10", "2"]])
}

@Test func redirectionWithoutTargetKeepsOperator() {
    #expect(ShellScript.parse("echo >").commands[0].redirections == [">"])
}

@Test func hereDocumentBodyIsSkipped() {
    let script = ShellScript.parse("cat <<EOF > /etc/x\nline; rm -rf /\n  EOF\nEOF\necho done")
    #expect(names(script) == [["cat"], ["echo"]])
    #expect(script.commands[0].redirections == ["<<EOF", ">/etc/x"])
    #expect(script.commands[1].arguments == ["done"])
}

@Test func quotedAndTabStrippedHereDocuments() {
    let script = ShellScript.parse("cat <<-'END' >a && cat << \"X\"\n\tbody\n\tEND\nx\nX\nls")
    #expect(names(script) == [["cat"], ["cat"], ["ls"]])
    #expect(script.commands[0].redirections == ["<<-'END'", ">a"])
    #expect(script.commands[1].redirections == [#"<<"X""#])
}

@Test func hereDocumentWithoutBodyInSource() {
    let script = ShellScript.parse("cat <<EOF > /etc/x && chmod 600 /etc/x")
    #expect(names(script) == [["cat"], ["chmod"]])
}

@Test func hereString() {
    let command = ShellScript.parse("grep -q x <<< \"$VAR\"").commands[0]
    #expect(command.arguments == ["-q", "x"])
    #expect(command.redirections == [#"<<<"$VAR""#])
}

// MARK: Assignments

@Test func leadingAssignments() {
    let command = ShellScript.parse(#"FOO=bar BAZ="q x" make install X=1"#).commands[0]
    #expect(command.assignments.map(\.text) == ["FOO=bar", "BAZ=q x"])
    #expect(command.name == "make")
    #expect(command.arguments == ["install", "X=1"])
}

@Test func exportIsACommand() {
    let command = ShellScript.parse("export A=b").commands[0]
    #expect(command.assignments.isEmpty)
    #expect(command.name == "export")
    #expect(command.arguments == ["A=b"])
}

@Test func bareAssignmentHasNoName() {
    let command = ShellScript.parse("x=$(( 1 + 2 ))").commands[0]
    #expect(command.name == nil)
    #expect(command.assignments.map(\.text) == ["x=$(( 1 + 2 ))"])
    #expect(command.assignments[0].substitutions.isEmpty)
}

@Test func quotedNameIsNotAnAssignment() {
    #expect(ShellScript.parse(#""A"=b"#).commands[0].name == "A=b")
}

@Test func arrayAssignmentIsOneWord() {
    let command = ShellScript.parse("pkgs=(gcc make) PATH+=:/x env").commands[0]
    #expect(command.assignments.map(\.text) == ["pkgs=(gcc make)", "PATH+=:/x"])
    #expect(command.name == "env")
}

@Test func sudoIsTheCommandName() {
    let command = ShellScript.parse("sudo -u app whoami").commands[0]
    #expect(command.name == "sudo")
    #expect(command.arguments == ["-u", "app", "whoami"])
}

// MARK: Substitutions

@Test func commandSubstitutionInDoubleQuotes() {
    let script = ShellScript.parse(#"bash -c "$(curl -fsSL https://x)""#)
    #expect(names(script) == [["bash"], ["curl"]])
    #expect(script.pipelines.map(\.nesting) == [.topLevel, .commandSubstitution])
    let word = script.commands[0].words[2]
    #expect(word.text == "$(curl -fsSL https://x)")
    #expect(word.raw == #""$(curl -fsSL https://x)""#)
    #expect(word.substitutions.count == 1)
    #expect(word.substitutions[0].pipelines.map(\.nesting) == [.topLevel])
    #expect(word.substitutions[0].commands[0].arguments == ["-fsSL", "https://x"])
}

@Test func processSubstitution() {
    let script = ShellScript.parse("sh <(curl -s https://x)")
    #expect(names(script) == [["sh"], ["curl"]])
    #expect(script.pipelines[1].nesting == .processSubstitution)
    #expect(script.commands[0].arguments == ["<(curl -s https://x)"])
    #expect(script.commands[0].redirections.isEmpty)
}

@Test func outputProcessSubstitutionAsRedirectionTarget() {
    let script = ShellScript.parse("make 2>&1 > >(tee build.log)")
    #expect(names(script) == [["make"], ["tee"]])
    #expect(script.commands[0].redirections == ["2>&1", ">>(tee build.log)"])
}

@Test func backticks() {
    let script = ShellScript.parse("echo `uname -m` \"`date`\"")
    #expect(names(script) == [["echo"], ["uname"], ["date"]])
    #expect(script.commands[0].arguments == ["`uname -m`", "`date`"])
    #expect(script.pipelines[1].nesting == .commandSubstitution)
}

@Test func nestedSubstitutionsInSourceOrder() {
    let script = ShellScript.parse("echo $(echo $(echo deep) mid) && ls")
    #expect(words(script) == [["echo", "$(echo $(echo deep) mid)"], ["echo", "$(echo deep)", "mid"], ["echo", "deep"], ["ls"]])
    #expect(separators(script) == ["&&", nil, nil, nil])
    let outer = script.commands[0].words[1].substitutions[0]
    #expect(outer.pipelines.count == 2)
    #expect(outer.pipelines.map(\.nesting) == [.topLevel, .commandSubstitution])
    #expect(outer.commands[0].words[1].substitutions[0].commands[0].arguments == ["deep"])
}

@Test func substitutionWithQuotesAndParentheses() {
    let script = ShellScript.parse(#"v="$(echo ")" 'x)' | tr -d '(')" && next"#)
    #expect(names(script) == [[nil], ["echo", "tr"], ["next"]])
    #expect(script.commands[1].arguments == [")", "x)"])
}

@Test func arithmeticIsNotACommandSubstitution() {
    let script = ShellScript.parse("echo $(( (1 + 2) * 3 )) $((x))")
    #expect(names(script) == [["echo"]])
    #expect(script.commands[0].arguments == ["$(( (1 + 2) * 3 ))", "$((x))"])
}

@Test func substitutionAsCommandNameComesAfterItsPipeline() {
    let script = ShellScript.parse("$(which python3) -m pip install x")
    #expect(names(script) == [["$(which python3)"], ["which"]])
}

@Test func caseInsideCommandSubstitution() {
    let script = ShellScript.parse("arch=$(case $(uname -m) in x86_64) echo amd64;; *) echo other;; esac) && echo $arch")
    #expect(names(script) == [[nil], ["uname"], ["echo"], ["echo"], ["echo"]])
    #expect(script.pipelines[4].nesting == .topLevel)
}

@Test func unterminatedSubstitutionTakesTheRest() {
    let script = ShellScript.parse("echo $(curl x | sh")
    #expect(names(script) == [["echo"], ["curl", "sh"]])
    #expect(script.commands[0].arguments == ["$(curl x | sh"])
}

@Test func assignmentWithSubstitution() {
    let script = ShellScript.parse("VERSION=$(curl -s https://x/latest) && wget https://x/$VERSION.tgz")
    #expect(names(script) == [[nil], ["curl"], ["wget"]])
    #expect(script.commands[0].assignments[0].substitutions.count == 1)
}

// MARK: Compound commands

@Test func ifBodyCommandsAreFound() {
    let script = ShellScript.parse(#"if [ "$X" = y ]; then useradd -u 1001 app; fi"#)
    #expect(words(script) == [["[", "$X", "=", "y", "]"], ["useradd", "-u", "1001", "app"]])
}

@Test func ifWithPipeToShell() {
    let script = ShellScript.parse("if [ -f x ]; then curl https://x | sh; elif true; then :; else exit 1; fi")
    #expect(names(script) == [["["], ["curl", "sh"], ["true"], [":"], ["exit"]])
}

@Test func subshellAndGroup() {
    let script = ShellScript.parse("(cd /tmp && make) && { echo a; echo b; } > log; ls")
    #expect(names(script) == [["cd"], ["make"], ["echo"], ["echo"], ["ls"]])
    #expect(script.pipelines.map(\.nesting) == [.subshell, .subshell, .subshell, .subshell, .topLevel])
    #expect(script.commands.allSatisfy { $0.redirections.isEmpty })
}

@Test func forLoopHeaderIsNotACommand() {
    let script = ShellScript.parse("for x in a b; do echo $x; done; for f in $(ls)\ndo rm \"$f\"\ndone")
    #expect(names(script) == [["echo"], ["ls"], ["rm"]])
}

@Test func arithmeticForLoop() {
    let script = ShellScript.parse("for ((i=0; i<3; i++)); do echo $i; done")
    #expect(names(script) == [["echo"]])
}

@Test func whileReadLoopInPipeline() {
    let script = ShellScript.parse("cat list | while read -r p; do pip install \"$p\"; done < /dev/null")
    #expect(names(script) == [["cat", "read"], ["pip"]])
    #expect(script.commands.allSatisfy { $0.redirections.isEmpty })
}

@Test func caseBranches() {
    let script = ShellScript.parse("""
        case "$(uname -m)" in
          x86_64|amd64) ARCH=amd64 ;;
          (aarch64) curl https://x | sh ;;
          *) echo unsupported; exit 1 ;;
        esac
        echo after
        """)
    #expect(names(script) == [["uname"], [nil], ["curl", "sh"], ["echo"], ["exit"], ["echo"]])
}

@Test func functionDefinitions() {
    let script = ShellScript.parse("f() { apt-get update; }; function g { ls; }; function h() (pwd); f")
    #expect(names(script) == [["apt-get"], ["ls"], ["pwd"], ["f"]])
    #expect(script.pipelines.map(\.nesting) == [.subshell, .subshell, .subshell, .topLevel])
}

@Test func doubleBracketTest() {
    let script = ShellScript.parse(#"[[ -f a && ( $x < 3 || -z "$y" ) ]] && echo ok"#)
    #expect(names(script) == [["[["], ["echo"]])
    #expect(script.commands[0].arguments == ["-f", "a", "&&", "(", "$x", "<", "3", "||", "-z", "$y", ")", "]]"])
}

@Test func negationAndArithmeticCommand() {
    let script = ShellScript.parse("! grep -q x f && (( n++ )) && echo y")
    #expect(names(script) == [["grep"], ["echo"]])
}

@Test func reservedWordsAsArgumentsStay() {
    #expect(words(ShellScript.parse("echo if then done {")) == [["echo", "if", "then", "done", "{"]])
}

@Test func strayClosersAreIgnored() {
    let script = ShellScript.parse("echo a ) b; } ; ls")
    #expect(names(script) == [["echo"], ["}"], ["ls"]])
}

@Test func unbalancedSubshellClosesAtEnd() {
    let script = ShellScript.parse("(cd /x && (make")
    #expect(names(script) == [["cd"], ["make"]])
    #expect(script.pipelines.map(\.nesting) == [.subshell, .subshell])
}

// MARK: Scale

@Test func tenThousandCommands() {
    let source = (0..<10_000).map { "echo \($0)" }.joined(separator: " && ")
    let script = ShellScript.parse(source)
    #expect(script.pipelines.count == 10_000)
    #expect(script.commands.last?.arguments == ["9999"])
}

@Test func thousandNestedSubstitutions() {
    let source = "echo " + String(repeating: "$(echo ", count: 1000) + "x" + String(repeating: ")", count: 1000)
    let script = ShellScript.parse(source)
    // The top level plus one pipeline per parsed level; deeper levels stay text.
    #expect(script.pipelines.count == ShellScriptParser.maxDepth)
    #expect(script.commands.allSatisfy { $0.name == "echo" })
    #expect(script.pipelines.dropFirst().allSatisfy { $0.nesting == .commandSubstitution })
    #expect(script.commands[0].words[1].raw.utf8.count == source.utf8.count - 5)
}

@Test func thousandUnclosedSubstitutions() {
    let script = ShellScript.parse(String(repeating: "$(`(<(", count: 1000))
    #expect(script.pipelines.count >= 1)
}

@Test func deepSubshellsAndGroups() {
    let source = String(repeating: "( { ", count: 5000) + "ls" + String(repeating: "; } )", count: 5000)
    let script = ShellScript.parse(source)
    #expect(!script.pipelines.isEmpty)
}

/// Random text over the characters the grammar reacts to: parsing must neither trap nor hang.
@Test func arbitraryInputNeverTraps() {
    let pieces = "ab 1\n\t\\'\"`$(){};&|<>#=-!*[]\u{e9}".map(String.init)
        + ["<<EOF", "EOF\n", "$(", "((", "case ", " in ", "esac", "for ", "do ", "done", "[[ ", " ]]", "{ ", "} ", ";;"]
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int(truncatingIfNeeded: state >> 33)
    }
    for _ in 0..<3000 {
        let length = next() % 120
        let source = String((0..<length).map { _ in pieces[next() % pieces.count] }.joined())
        let script = ShellScript.parse(source)
        #expect(script.pipelines.allSatisfy { !$0.commands.isEmpty })
    }
}
