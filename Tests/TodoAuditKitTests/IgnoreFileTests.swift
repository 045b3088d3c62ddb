import Foundation
import Testing
@testable import TodoAuditKit

/// `.dockerignore` semantics, case by case from Docker's documentation ("Build context",
/// .dockerignore files) and moby's pattern matcher.
@Suite struct IgnoreFileTests {
    static func excluded(_ ignore: String, _ paths: [String]) -> [String] {
        let file = IgnoreFile(text: ignore)
        return paths.filter(file.excludes)
    }

    @Test func documentationExamples() {
        let paths = ["temp.txt", "somedir/temporary.txt", "somedir/temp", "somedir/subdir/temporary.txt", "tempa", "tempb", "tempab",
                     "main.go", "cmd/app/main.go", "README.md", "README-secret.md", "README-dev.md", "docs/guide.md"]
        // "*/temp*" reaches one level down only; "*/*/temp*" two; "temp?" one character.
        #expect(Self.excluded("# comment\n*/temp*\n*/*/temp*\ntemp?\n", paths)
                == ["somedir/temporary.txt", "somedir/temp", "somedir/subdir/temporary.txt", "tempa", "tempb"])
        #expect(Self.excluded("**/*.go", paths) == ["main.go", "cmd/app/main.go"])
        // The last line that matches wins.
        #expect(Self.excluded("*.md\n!README.md", paths) == ["README-secret.md", "README-dev.md"])
        #expect(Self.excluded("*.md\n!README*.md\nREADME-secret.md", paths) == ["README-secret.md"])
        #expect(Self.excluded("*.md\nREADME-secret.md\n!README*.md", paths) == [])
        // "*.md" is matched against the whole path: docs/guide.md stays.
        #expect(!Self.excluded("*.md", paths).contains("docs/guide.md"))
    }

    @Test func patternsAreCleanedLikePaths() {
        let paths = ["foo/bar/x", "foo/bar", "foo/baz", "a/b", "."]
        #expect(Self.excluded("/foo/bar/", paths) == ["foo/bar/x", "foo/bar"])
        #expect(Self.excluded("./foo//bar/../baz", paths) == ["foo/baz"])
        // "." is ignored for historical reasons: it does not exclude the context.
        #expect(Self.excluded(".", ["a/b", "c"]) == [])
        #expect(Self.excluded("  a/b  \r\n", paths) == ["a/b"])
        // Only a # in the first column starts a comment.
        #expect(Self.excluded(" #x", ["#x", "x"]) == ["#x"])
    }

    @Test func aDirectoryPatternExcludesWhatIsBelowAndExceptionsReachIn() {
        let paths = [".git/config", ".git/objects/ab/cd", "node_modules/react/index.js", "node_modules/keep/a.js", "src/app.js"]
        #expect(Self.excluded(".git\nnode_modules\n!node_modules/keep", paths) == [".git/config", ".git/objects/ab/cd", "node_modules/react/index.js"])
        // An allow-list: everything out, then the sources back.
        #expect(Self.excluded("*\n!src", paths) == Array(paths.dropLast()))
        let env = [".env", ".env.local", ".env.production", ".env.example"]
        #expect(Self.excluded(".env*\n!.env.example\n!.env.production", env) == [".env", ".env.local"])
    }

    @Test func doubleStarMatchesAnyNumberOfDirectories() {
        let paths = ["a.pyc", "x/a.pyc", "x/y/z/a.pyc", "x/__pycache__/m.py", "__pycache__/m.py", "x/y.pyc/z"]
        #expect(Self.excluded("**/*.pyc", paths) == ["a.pyc", "x/a.pyc", "x/y/z/a.pyc", "x/y.pyc/z"])
        #expect(Self.excluded("**/__pycache__", paths) == ["x/__pycache__/m.py", "__pycache__/m.py"])
        #expect(Self.excluded("x/**", paths) == ["x/a.pyc", "x/y/z/a.pyc", "x/__pycache__/m.py", "x/y.pyc/z"])
        #expect(Self.excluded("x/**/a.pyc", paths) == ["x/a.pyc", "x/y/z/a.pyc"])
        // moby compares the end for a leading ** without a slash: "**pyc" matches "a.pyc".
        #expect(Self.excluded("**pyc", paths) == ["a.pyc", "x/a.pyc", "x/y/z/a.pyc", "x/y.pyc/z"])
    }

    @Test func classesEscapesAndQuestionMarks() {
        let paths = ["file1", "file2", "fileA", "file-", "f*", "fx", "dir/file1"]
        #expect(Self.excluded("file[0-9]", paths) == ["file1", "file2", "dir/file1"].filter { !$0.hasPrefix("dir") })
        #expect(Self.excluded("file[^0-9]", paths) == ["fileA", "file-"])
        #expect(Self.excluded("f\\*", paths) == ["f*"])
        #expect(Self.excluded("f?", paths) == ["f*", "fx"])
        #expect(Self.excluded("f?", ["é", "fé", "f/"]) == ["fé"])
    }

    @Test func linesDockerRefusesAreProblemsWithTheirLineNumber() {
        let file = IgnoreFile(text: "ok\n[a-\n!\nfile[]\nx\\\n[z-a]\nfine[a-c]\n")
        #expect(file.problems.map(\.line) == [2, 3, 4, 5, 6])
        #expect(file.lines.map(\.number) == [1, 7])
    }

    @Test func theWalkSkipsExcludedDirectoriesButNotWhatAnExceptionBringsBack() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ta-ctx-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for path in ["src/app.py", "node_modules/a/index.js", "node_modules/keep/k.js", ".git/HEAD", ".env", "empty/"] {
            let url = root.appendingPathComponent(path)
            if path.hasSuffix("/") {
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            } else {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data("x".utf8).write(to: url)
            }
        }
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("src/loop").path, withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("root").path, withDestinationPath: "/")
        let tree = ContextTree(root: root.path, ignore: IgnoreFile(text: ".git\nnode_modules\n!node_modules/keep\n"))
        #expect(tree.files.map(\.path) == [".env", "node_modules/keep/k.js", "root", "src/app.py", "src/loop"])
        #expect(tree.files.filter { $0.kind == .symlink }.map(\.path) == ["root", "src/loop"])
        #expect(tree.contains("empty") && tree.contains("src") && !tree.contains(".git"))
        #expect(tree.excludedCount == 2)  // .git, node_modules/a
    }
}
