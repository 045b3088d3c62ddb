// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "todoaudit",
    products: [
        .executable(name: "todoaudit", targets: ["todoaudit"]),
        .library(name: "TodoAuditKit", targets: ["TodoAuditKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // C libraries, each behind exactly one small Swift target.
        .systemLibrary(name: "CArchive", pkgConfig: "libarchive", providers: [.apt(["libarchive-dev"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .target(name: "HTTPTransfer", dependencies: ["CCurl"]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(name: "ArchiveReading", dependencies: ["CArchive"]),
        .target(name: "XMLWriting", dependencies: ["CLibXML2"]),
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .target(name: "Digesting", dependencies: ["CCrypto"]),
        .target(name: "ImageModel", dependencies: ["ArchiveReading", "Digesting"]),
        .systemLibrary(name: "CPCRE2", pkgConfig: "libpcre2-8", providers: [.apt(["libpcre2-dev"])]),
        .target(name: "PatternMatching", dependencies: ["CPCRE2"]),

        // Secret detection: bytes in, matches out. Kinds come from Rules/secrets/ as data.
        .target(name: "SecretScanning", dependencies: ["PatternMatching", "Digesting"]),

        // Dockerfile and shell syntax: no I/O, no rules, no dependencies.
        .target(name: "DockerfileSyntax"),

        .target(
            name: "TodoAuditKit",
            dependencies: ["DockerfileSyntax", "ImageModel", "ArchiveReading", "SecretScanning", "XMLWriting", "Digesting", "HTTPTransfer", .product(name: "Yams", package: "Yams")],
            plugins: ["EmbedRules"]
        ),
        .executableTarget(
            name: "todoaudit",
            dependencies: ["TodoAuditKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),

        // Rules/ is compiled into the binary so it works from any directory.
        .executableTarget(name: "RulesEmbedder", dependencies: [.product(name: "Yams", package: "Yams")]),
        .plugin(name: "EmbedRules", capability: .buildTool(), dependencies: ["RulesEmbedder"]),

        .testTarget(name: "DockerfileSyntaxTests", dependencies: ["DockerfileSyntax"]),
        .testTarget(name: "TodoAuditKitTests", dependencies: ["TodoAuditKit", "DockerfileSyntax", "Digesting"]),
        .testTarget(name: "WrapperTests", dependencies: ["ArchiveReading", "XMLWriting", "PatternMatching", "Digesting"]),
        .testTarget(name: "SecretScanningTests", dependencies: ["SecretScanning"]),
        .testTarget(name: "ImageModelTests", dependencies: ["ImageModel", "ArchiveReading", "Digesting"], exclude: ["ImageBuilder.py"]),
        .testTarget(name: "todoauditTests", dependencies: ["todoaudit"], exclude: ["hostile_images.py", "make_go_image.py"]),
    ]
)
