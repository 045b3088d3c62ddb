import Foundation
import Testing

/// Real images built by `make test` with debootstrap, umoci and skopeo
/// (Fixtures/images/build-real-images.sh): Debian minbase, a layer installing gcc and make, a
/// `.env` copied and then deleted, a setuid helper, user 1001. `make test` sets
/// TODOAUDIT_REAL_IMAGES to where it built them.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["TODOAUDIT_REAL_IMAGES"] != nil))
struct RealImageTests {
    static let directory = URL(fileURLWithPath: ProcessInfo.processInfo.environment["TODOAUDIT_REAL_IMAGES"] ?? ".")

    @Test(arguments: ["real-v1.tar", "real-v1.oci.tar"])
    func findingsOnTheRealImage(file: String) throws {
        let path = Self.directory.appendingPathComponent(file).path
        #expect(FileManager.default.fileExists(atPath: path), "make test builds \(path)")
        let r = try CLI.run(["scan", "--format", "json", path])
        #expect(r.status == 1, "stderr: \(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let findings = json["findings"] as? [[String: Any]] ?? []
        let names = Set(findings.map { "\($0["name"] as? String ?? "")@\(($0["location"] as? [String: Any])?["path"] as? String ?? "")" })
        #expect(names == [
            "secret-in-layer@/app/.env", "setuid-file@/usr/local/bin/helper",
            "image-build-tools@/usr/bin/make", "image-healthcheck-missing@Healthcheck",
        ])
        let tools = findings.first { $0["name"] as? String == "image-build-tools" }?["message"] as? String ?? ""
        for tool in ["gcc", "gcc-12", "binutils", "libc6-dev", "cc1"] {
            #expect(tools.contains(tool), "build tools should name \(tool): \(tools)")
        }
        #expect(!tools.contains("gcc-12-base"), "minbase's own gcc-12-base is not a build tool")
        let images = json["images"] as? [[String: Any]] ?? []
        #expect((images.first?["layers"] as? [Any])?.count == 5)
        let size = json["size"] as? [String: Any] ?? [:]
        #expect((size["bytes"] as? Int ?? 0) > 200_000_000)
        // gcc, binutils and friends own about 140 MB: the optimization potential says so.
        #expect((size["optimizationPotentialBytes"] as? Int ?? 0) > 100_000_000)
    }
}
