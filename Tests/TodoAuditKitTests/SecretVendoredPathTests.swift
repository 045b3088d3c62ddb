import Testing
@testable import TodoAuditKit

/// Installed third-party code (`Rules/data/secret-vendored-paths.yml`): generic kinds stay
/// quiet there, vendor formats still report, and the packages' own tests report nothing.
@Suite struct SecretVendoredPathTests {
    static let generic = "const dbPassword = \"Zq8!vR2#mL5pWx\";\n"
    static let aws = "aws_access_key_id = AKIAYSHPNH3O2JD2U6UM\n"

    func kinds(_ text: String, at path: String) throws -> [String] {
        let catalog = try RuleCatalog.builtIn.get()
        let detector = try #require(SecretDetector.make(catalog, AuditConfiguration()))
        let rule = try #require(catalog.rule(named: "secret-in-layer"))
        return detector.find(in: text, path: path, rule: rule).map(\.kindName)
    }

    @Test(arguments: ["/app/src/config.js", "/srv/app/settings.js", "config.js", "/app/node_modules.js"])
    func everythingReportsOutsidePackageTrees(_ path: String) throws {
        #expect(try kinds(Self.generic, at: path).count == 1)
        #expect(try kinds(Self.aws, at: path).count == 1)
    }

    @Test(arguments: ["/app/node_modules/lodash/fp/_mapping.js", "/usr/share/nodejs/undici/index.js",
                      "/usr/local/lib/python3.12/site-packages/botocore/client.py", "node_modules/x/index.js",
                      "/usr/lib/python3/dist-packages/yaml/constructor.py", "/usr/local/bundle/gems/rack-3.0.8/lib/rack.rb",
                      "/opt/yarn-v1.22.22/lib/cli.js"])
    func onlyVendorFormatsReportInPackageTrees(_ path: String) throws {
        #expect(try kinds(Self.generic, at: path).isEmpty, "\(path)")
        #expect(try kinds(Self.aws, at: path).count == 1, "\(path)")
    }

    @Test(arguments: ["/app/node_modules/jws/test/keys.js", "/usr/local/lib/python3.12/site-packages/paramiko/tests/keys.py",
                      "/root/go/pkg/mod/golang.org/x/crypto@v0.21.0/ssh/testdata/keys.go"])
    func packageTestsReportNothing(_ path: String) throws {
        #expect(try kinds(Self.aws, at: path).isEmpty, "\(path)")
    }

    /// The application's own tests are not a package's: they still report.
    @Test func applicationTestsStillReport() throws {
        #expect(try kinds(Self.aws, at: "/app/test/fixtures.js").count == 1)
    }
}
