// swift-tools-version:6.0
import Foundation
import PackageDescription

// libFuzzer targets for todoaudit, kept out of the main package so its builds and tests
// never link libFuzzer. `Fuzz/run.sh` (`make fuzz`) builds this package with address
// sanitizer and coverage instrumentation for every module, so the fuzzers see the
// library's branches, not only their own.

// A path dependency's identity is its directory's name, which differs between checkouts.
let mainPackage = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

/// One executable per fuzz target; only these link libFuzzer, whose driver each main calls.
func fuzzTarget(_ name: String) -> Target {
    .executableTarget(
        name: name,
        dependencies: [.product(name: "TodoAuditKit", package: mainPackage), "FuzzSupport"],
        path: "Sources/\(name)",
        swiftSettings: [.unsafeFlags(["-sanitize=fuzzer,address"])],
        // lld: gold fails with an internal error on these links.
        linkerSettings: [.unsafeFlags(["-sanitize=fuzzer,address", "-use-ld=lld"])]
    )
}

let targets = ["FuzzDockerfile", "FuzzDockerignore", "FuzzImage", "FuzzPackageMetadata", "FuzzSecrets", "FuzzCycloneDX"]

let package = Package(
    name: "todoaudit-fuzz",
    products: targets.map { .executable(name: $0, targets: [$0]) },
    dependencies: [.package(path: "..")],
    targets: [
        .systemLibrary(name: "CLibFuzzer", path: "Sources/CLibFuzzer"),
        .target(name: "FuzzSupport", dependencies: ["CLibFuzzer", .product(name: "TodoAuditKit", package: mainPackage)], path: "Sources/FuzzSupport"),
    ] + targets.map(fuzzTarget)
)
