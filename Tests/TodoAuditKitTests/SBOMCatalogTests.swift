import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Digesting
import ImageModel
import Testing
@testable import TodoAuditKit

@Suite struct PackageURLTests {
    @Test func debianVersionsKeepTheirEpochColonAndEncodePlus() {
        let purl = PackageURL(type: "deb", namespace: "debian", name: "bsdutils", version: "1:2.38.1-5+deb12u3",
                              qualifiers: ["distro": "debian-12", "arch": "amd64"])
        #expect(purl.description == "pkg:deb/debian/bsdutils@1:2.38.1-5%2Bdeb12u3?arch=amd64&distro=debian-12")
    }

    @Test func npmScopeIsANamespaceWithItsAtSignEncoded() {
        #expect(PackageURL(type: "npm", namespace: "@next", name: "env", version: "14.1.0").description == "pkg:npm/%40next/env@14.1.0")
    }

    @Test func emptyQualifiersAreLeftOutAndKeysSorted() {
        let purl = PackageURL(type: "APK", namespace: "alpine", name: "musl", version: "1.2.4-r2",
                              qualifiers: ["distro": "alpine-3.19", "arch": "x86_64", "empty": ""])
        #expect(purl.description == "pkg:apk/alpine/musl@1.2.4-r2?arch=x86_64&distro=alpine-3.19")
    }

    /// The spec discards `.` and `..` subpath segments rather than resolving them.
    @Test func slashesInsideAQualifierValueAreEncodedSubpathSegmentsAreNot() {
        let purl = PackageURL(type: "oci", name: "backend", version: "sha256:abc",
                              qualifiers: ["repository_url": "docker.io/todo/backend"], subpath: "./a/../b c/d")
        #expect(purl.description == "pkg:oci/backend@sha256:abc?repository_url=docker.io%2Ftodo%2Fbackend#a/b%20c/d")
    }

    @Test(arguments: [("FastAPI", "fastapi"), ("zope.interface", "zope-interface"), ("typing__extensions", "typing-extensions"),
                      ("A-_.B", "a-b")])
    func pythonNamesAreNormalisedPerPEP503(name: String, normalised: String) {
        #expect(LanguagePackageCatalog.normalizedPythonName(name) == normalised)
    }
}

@Suite struct OSPackageCatalogTests {
    static let debian = OperatingSystem(id: "debian", versionID: "12", prettyName: nil, name: nil)

    @Test func osReleaseWithQuotesAndComments() throws {
        let os = try #require(OperatingSystem.parse("# comment\nNAME=\"Alpine Linux\"\nID=alpine\nVERSION_ID=3.19.1\nPRETTY_NAME='Alpine Linux v3.19'\n"))
        #expect(os.id == "alpine" && os.versionID == "3.19.1" && os.prettyName == "Alpine Linux v3.19" && os.distro == "alpine-3.19.1")
        #expect(OperatingSystem.parse("NAME=nothing\n") == nil)
        #expect(OperatingSystem.parse("ID=debian\nVERSION_ID=\n")?.distro == "debian")
    }

    static let status = """
        Package: libc6
        Status: install ok installed
        Architecture: amd64
        Source: glibc (2.36-9+deb12u4)
        Version: 2.36-9+deb12u4
        Depends: libgcc-s1
        Description: GNU C Library: Shared libraries
         Contains the standard libraries.

        Package: removed-one
        Status: deinstall ok config-files
        Version: 1.0

        Package: no-version
        Status: install ok installed

        Package: mawk
        Status: install ok installed
        Architecture: amd64
        Version: 1.3.4.20200120-3.1
        Provides: awk
        Pre-Depends: libc6 (>= 2.34)

        Package: base-files
        Status: install ok installed
        Architecture: amd64
        Version: 12.4
        Depends: awk | gawk, libc6:any (>= 2.0), missing-package
        """

    @Test func dpkgStatusKeepsInstalledPackagesWithWhatTheyDeclare() throws {
        let packages = OSPackageCatalog.dpkg(Self.status, location: "var/lib/dpkg/status", layer: 0, os: Self.debian)
        #expect(packages.map(\.name) == ["libc6", "mawk", "base-files"])
        let libc = packages[0]
        #expect(libc.purl.description == "pkg:deb/debian/libc6@2.36-9%2Bdeb12u4?arch=amd64&distro=debian-12")
        #expect(libc.properties["todoaudit:package:source"] == "glibc")
        #expect(libc.properties["todoaudit:package:source-version"] == "2.36-9+deb12u4")
        #expect(libc.description == "GNU C Library: Shared libraries")
        #expect(packages[1].provides == ["awk"])
        #expect(packages[2].dependsOn == ["awk|gawk", "libc6", "missing-package"])
    }

    @Test func dependenciesResolveByNameOrByWhatAPackageProvides() {
        let components = PackageInventory.fold(OSPackageCatalog.dpkg(Self.status, location: "var/lib/dpkg/status", layer: 0, os: Self.debian))
        let base = components.first { $0.package.name == "base-files" }!
        #expect(base.dependsOn.map(\.description) == [
            "pkg:deb/debian/libc6@2.36-9%2Bdeb12u4?arch=amd64&distro=debian-12",
            "pkg:deb/debian/mawk@1.3.4.20200120-3.1?arch=amd64&distro=debian-12",
        ])
    }

    @Test func apkRecordsWithChecksumsConstraintsAndConflicts() throws {
        let installed = """
            C:Q1mGeUgzzBTiFUbaSYm+4WBi6yJbo=
            P:musl
            V:1.2.4-r2
            A:x86_64
            L:MIT
            o:musl
            m:Timo Teräs <timo.teras@iki.fi>
            T:the musl c library (libc) implementation
            p:so:libc.musl-x86_64.so.1=1

            P:busybox
            V:1.36.1-r15
            A:x86_64
            L:GPL-2.0-only
            D:so:libc.musl-x86_64.so.1 !busybox-suid musl>=1.2

            P:truncated
            """
        let packages = OSPackageCatalog.apk(installed, location: "lib/apk/db/installed", layer: 1, os: nil)
        #expect(packages.map(\.name) == ["musl", "busybox"])
        #expect(packages[0].hashes["SHA-1"] == "986794833cc14e21546da4989bee16062eb225ba")
        #expect(packages[0].purl.description == "pkg:apk/alpine/musl@1.2.4-r2?arch=x86_64")
        #expect(packages[1].dependsOn == ["so:libc.musl-x86_64.so.1", "musl"])
        let busybox = PackageInventory.fold(packages).first { $0.package.name == "busybox" }!
        #expect(busybox.dependsOn.map(\.description) == ["pkg:apk/alpine/musl@1.2.4-r2?arch=x86_64"])
    }
}

@Suite struct LanguagePackageCatalogTests {
    @Test func pythonMetadataPrefersTheLicenseExpression() throws {
        let metadata = "Metadata-Version: 2.4\nName: FastAPI\nVersion: 0.110.0\nLicense-Expression: MIT\nLicense: a very long text\nSummary: x\n\nBody: not a header\n"
        let package = try #require(LanguagePackageCatalog.python(metadata, location: "app/.venv/lib/python3.12/site-packages/fastapi-0.110.0.dist-info/METADATA", layer: 2))
        #expect(package.purl.description == "pkg:pypi/fastapi@0.110.0")
        #expect(package.license == "MIT")
        let classified = try #require(LanguagePackageCatalog.python("Name: six\nVersion: 1.16.0\nLicense: UNKNOWN\nClassifier: License :: OSI Approved :: MIT License\n", location: "x.egg-info", layer: 0))
        #expect(classified.license == "MIT License")
        #expect(LanguagePackageCatalog.python("Name: no-version\n", location: "x", layer: 0) == nil)
    }

    @Test func npmPackageJSONInItsShapes() throws {
        let scoped = try #require(LanguagePackageCatalog.npm(Array(#"{"name":"@next/env","version":"14.1.0","license":{"type":"MIT"}}"#.utf8), location: "app/node_modules/@next/env/package.json", layer: 3))
        #expect(scoped.purl.description == "pkg:npm/%40next/env@14.1.0" && scoped.name == "@next/env" && scoped.license == "MIT")
        let old = try #require(LanguagePackageCatalog.npm(Array(#"{"name":"x","version":"1.0.0","licenses":[{"type":"MIT"},{"type":"Apache-2.0"}]}"#.utf8), location: "p", layer: 0))
        #expect(old.license == "(MIT OR Apache-2.0)")
        #expect(LanguagePackageCatalog.npm(Array("not json".utf8), location: "p", layer: 0) == nil)
        #expect(LanguagePackageCatalog.npm(Array(#"{"type":"module"}"#.utf8), location: "p", layer: 0) == nil)
    }

    @Test func copiesOfOnePackageAreOneComponentWithEveryLocation() {
        let json = Array(#"{"name":"ms","version":"2.1.3"}"#.utf8)
        let a = LanguagePackageCatalog.npm(json, location: "app/node_modules/ms/package.json", layer: 3)!
        let b = LanguagePackageCatalog.npm(json, location: "app/node_modules/debug/node_modules/ms/package.json", layer: 2)!
        let components = PackageInventory.fold([a, b])
        #expect(components.count == 1)
        #expect(components[0].locations == ["app/node_modules/debug/node_modules/ms/package.json", "app/node_modules/ms/package.json"])
        #expect(components[0].layer == 2)
    }
}

@Suite struct CycloneDXDocumentTests {
    @Test(arguments: [("0", "1970-01-01T00:00:00Z"), ("1700000000", "2023-11-14T22:13:20Z"), ("951782400", "2000-02-29T00:00:00Z")])
    func sourceDateEpochBecomesAUTCDateTime(epoch: String, expected: String) {
        #expect(CycloneDXDocument.timestamp(sourceDateEpoch: epoch) == expected)
    }

    @Test func sourceDateEpochThatIsNotANumberIsRejected() {
        #expect(CycloneDXDocument.timestamp(sourceDateEpoch: "yesterday") == nil)
        #expect(CycloneDXDocument.timestamp(sourceDateEpoch: "-5") == nil)
    }

    @Test func serialNumberIsAStableVersion5UUIDOfTheDigest() throws {
        let inventory = PackageInventory(layers: [], merged: MergedView())
        let a = CycloneDXDocument(inventory: inventory, subject: .init(name: "x", digest: "sha256:aa", layerDigests: []), timestamp: nil, spdxIDs: [])
        let b = CycloneDXDocument(inventory: inventory, subject: .init(name: "y", digest: "sha256:aa", layerDigests: []), timestamp: nil, spdxIDs: [])
        let c = CycloneDXDocument(inventory: inventory, subject: .init(name: "x", digest: "sha256:bb", layerDigests: []), timestamp: nil, spdxIDs: [])
        #expect(a.serialNumber == b.serialNumber && a.serialNumber != c.serialNumber)
        #expect(a.serialNumber.range(of: "^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", options: .regularExpression) != nil)
    }
}

@Suite struct PackageInventoryTests {
    /// One layer holding `files`, merged.
    func inventory(_ files: [String: String]) -> PackageInventory {
        let entries = files.keys.sorted().map { LayerEntry(path: $0, kind: .file, size: Int64(files[$0]!.utf8.count)) }
        return PackageInventory(layers: [files.mapValues { Array($0.utf8) }], merged: MergedView.merge([entries]))
    }

    /// Found by Fuzz/FuzzCycloneDX: control characters in a package's metadata were
    /// written as they came, and XML 1.0 does not allow them even escaped.
    @Test func controlCharactersInMetadataStillGiveWellFormedXML() throws {
        let result = inventory(["var/lib/dpkg/status": "Package: libc6\nVersion: 2.36\nDescription: GNU C Library\u{1}\u{3}\nMaintainer: A\u{1B}[31m\n"])
        let document = CycloneDXDocument(inventory: result, subject: .init(name: "x\u{0}y", digest: nil, layerDigests: []), timestamp: nil, spdxIDs: [])
        for spec in CycloneDXDocument.SpecVersion.allCases {
            let xml = try document.xml(spec)
            let parser = XMLParser(data: Data(xml.utf8))
            #expect(parser.parse(), "\(spec.rawValue): \(parser.parserError.map { "\($0)" } ?? "")")
            #expect(xml.contains("<description>GNU C Library\u{FFFD}\u{FFFD}</description>"))
        }
    }

    @Test func damagedMetadataIsSkippedAndCountedTheRestStays() throws {
        let result = inventory([
            "etc/os-release": "ID=debian\nVERSION_ID=12\n",
            // Duplicate stanza, a stanza cut off before its Version, a line without a colon.
            "var/lib/dpkg/status": "Package: a\nStatus: install ok installed\nVersion: 1\n\nPackage: a\nStatus: install ok installed\nVersion: 1\n\ngarbage line\n\nPackage: cut",
            "usr/lib/python3/dist-packages/broken.egg-info": "Metadata-Version: 1.1\nName: broken\n",
            "usr/lib/python3/dist-packages/ok-1.0.dist-info/METADATA": "Name: ok\nVersion: 1.0\n",
            "app/node_modules/bad/package.json": "{ not json",
            "app/package.json": #"{"private": true, "scripts": {}}"#,
            "app/node_modules/fine/package.json": #"{"name": "fine", "version": "2.0.0"}"#,
        ])
        #expect(result.components.map(\.purl.description) == [
            "pkg:deb/debian/a@1?distro=debian-12", "pkg:npm/fine@2.0.0", "pkg:pypi/ok@1.0",
        ])
        #expect(result.unreadable == ["app/node_modules/bad/package.json", "usr/lib/python3/dist-packages/broken.egg-info"])
        let document = CycloneDXDocument(inventory: result, subject: .init(name: "x", digest: nil, layerDigests: [nil]), timestamp: nil, spdxIDs: [])
        #expect(try document.xml().contains("<property name=\"todoaudit:catalog:unreadable-metadata\">2</property>"))
    }

    @Test func aPackageKeepsTheLayerThatInstalledItWhenLaterLayersRewriteTheDatabase() {
        let base = "Package: libc6\nStatus: install ok installed\nVersion: 2.36\n"
        let later = base + "\nPackage: gcc\nStatus: install ok installed\nVersion: 12\n"
        let status = "var/lib/dpkg/status"
        let layers = [[status: Array(base.utf8)], [:], [status: Array(later.utf8)]]
        let entry = LayerEntry(path: status, kind: .file, size: 1)
        let result = PackageInventory(layers: layers, merged: MergedView.merge([[entry], [], [entry]]))
        #expect(result.components.map { "\($0.package.name)@\($0.layer)" } == ["gcc@2", "libc6@0"])
    }
}

@Suite struct CopyrightLicenseTests {
    @Test func machineReadableFieldsAndCommonLicenseReferences() {
        let dep5 = """
            Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/

            Files: *
            License: GPL-3+

            Files: lib/*
            License: LGPL-2.1+ or BSD-3-clause
             On Debian systems see /usr/share/common-licenses/LGPL-2.1.
            """
        #expect(OSPackageCatalog.copyrightLicenses(dep5) == ["BSD-3-clause", "GPL-3+", "LGPL-2.1", "LGPL-2.1+"])
        let prose = "This is the GNU C library.\nSee /usr/share/common-licenses/GPL-2 and /usr/share/common-licenses/LGPL-2.1.\n"
        #expect(OSPackageCatalog.copyrightLicenses(prose) == ["GPL-2", "LGPL-2.1"])
        #expect(OSPackageCatalog.copyrightLicenses("License: MIT\n") == [])
    }
}

@Suite struct NpmLockfileTests {
    static let v3 = #"""
        {"name": "web", "lockfileVersion": 3, "packages": {
          "": {"name": "web", "version": "1.0.0"},
          "node_modules/next": {"version": "14.1.0", "license": "MIT",
            "integrity": "sha512-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=="},
          "node_modules/@next/env": {"version": "14.1.0"},
          "node_modules/next/node_modules/postcss": {"version": "8.4.31"},
          "node_modules/eslint": {"version": "8.56.0", "dev": true},
          "packages/ui": {"version": "0.0.1"},
          "node_modules/ui": {"resolved": "packages/ui", "link": true}
        }}
        """#

    @Test func lockfileVersion3() throws {
        let packages = try #require(LanguagePackageCatalog.npmLock(Array(Self.v3.utf8), location: "app/package-lock.json", layer: 1))
        #expect(Set(packages.map(\.purl.description)) == ["pkg:npm/next@14.1.0", "pkg:npm/%40next/env@14.1.0", "pkg:npm/postcss@8.4.31"])
        let next = try #require(packages.first { $0.name == "next" })
        #expect(next.license == "MIT" && next.hashes["SHA-512"] == String(repeating: "0", count: 128))
    }

    @Test func lockfileVersion1NestsDependencies() throws {
        let v1 = #"{"lockfileVersion": 1, "dependencies": {"a": {"version": "1.0.0", "dependencies": {"b": {"version": "2.0.0"}}}, "c": {"version": "3.0.0", "dev": true}}}"#
        let packages = try #require(LanguagePackageCatalog.npmLock(Array(v1.utf8), location: "package-lock.json", layer: 0))
        #expect(Set(packages.map(\.purl.description)) == ["pkg:npm/a@1.0.0", "pkg:npm/b@2.0.0"])
        #expect(LanguagePackageCatalog.npmLock(Array("[1]".utf8), location: "x", layer: 0) == nil)
    }

    @Test func aLockfileCountsOnlyWhereNodeModulesIsAbsent() {
        func inventory(_ files: [String: String]) -> PackageInventory {
            let entries = files.keys.sorted().map { LayerEntry(path: $0, kind: .file, size: 1) }
            return PackageInventory(layers: [files.mapValues { Array($0.utf8) }], merged: MergedView.merge([entries]))
        }
        let lock = #"{"lockfileVersion": 3, "packages": {"node_modules/ms": {"version": "2.1.3"}}}"#
        #expect(inventory(["app/package-lock.json": lock]).components.map(\.purl.description) == ["pkg:npm/ms@2.1.3"])
        let installed = inventory(["app/package-lock.json": lock,
                                   "app/node_modules/ms/package.json": #"{"name": "ms", "version": "2.1.3"}"#])
        #expect(installed.components.map(\.locations) == [["app/node_modules/ms/package.json"]])
    }
}

@Suite struct GoBuildInfoTests {
    /// A Go 1.18+ blob: marker, pointer size 8, flags 2 (inline strings), padding, then the
    /// version and the sentinel-framed module text, each after a uvarint length.
    static func blob(version: String, modules: String, flags: UInt8 = 2) -> [UInt8] {
        func string(_ s: String) -> [UInt8] {
            var out: [UInt8] = [], n = s.utf8.count
            repeat { out.append(UInt8(n & 0x7F) | (n > 0x7F ? 0x80 : 0)); n >>= 7 } while n > 0
            return out + Array(s.utf8)
        }
        let sentinel = Array(repeating: UInt8(ascii: "x"), count: 16)
        let framed = String(decoding: sentinel + Array(modules.utf8) + sentinel, as: UTF8.self)
        return GoBuildInfo.marker + [8, flags] + Array(repeating: 0, count: 16) + string(version) + string(framed)
    }

    static let modules = "path\texample.com/app\nmod\texample.com/app\tv1.2.3\th1:abc=\ndep\tgolang.org/x/text\tv0.14.0\th1:def=\ndep\tgithub.com/old/lib\tv1.0.0\n=>\tgithub.com/new/lib\tv1.1.0\th1:ghi=\nbuild\t-compiler=gc\n"

    @Test func inlineBuildInfoWithAReplacedModule() throws {
        let info = try #require(GoBuildInfo.parse(Self.blob(version: "go1.22.1", modules: Self.modules)))
        #expect(info.goVersion == "go1.22.1")
        #expect(info.main == .init(path: "example.com/app", version: "v1.2.3"))
        #expect(info.dependencies == [.init(path: "golang.org/x/text", version: "v0.14.0"), .init(path: "github.com/new/lib", version: "v1.1.0")])
        let purls = PackageInventory.goModules(info, location: "usr/local/bin/app", layer: 0).map(\.purl.description)
        #expect(purls == ["pkg:golang/example.com/app@v1.2.3", "pkg:golang/golang.org/x/text@v0.14.0",
                          "pkg:golang/github.com/new/lib@v1.1.0", "pkg:golang/stdlib@1.22.1"])
    }

    @Test func oldPointerFormatAndCutBlobsAreNotRead() {
        #expect(GoBuildInfo.parse(Self.blob(version: "go1.16", modules: Self.modules, flags: 0)) == nil)
        #expect(GoBuildInfo.parse(Array(Self.blob(version: "go1.22.1", modules: Self.modules).prefix(40))) == nil)
        #expect(GoBuildInfo.parse(Array("not a build info blob at all, long enough".utf8)) == nil)
    }

    @Test(arguments: [1, 3, 7, 13, 64])
    func theMarkerIsFoundAcrossChunkBoundaries(chunk: Int) throws {
        let data = Array(repeating: UInt8(0xFF), count: 100) + Self.blob(version: "go1.21.0", modules: Self.modules)
        var search = GoBuildInfoSearch()
        for start in stride(from: 0, to: data.count, by: chunk) {
            Array(data[start..<min(data.count, start + chunk)]).withUnsafeBytes { search.feed($0) }
        }
        let blob = try #require(search.blob)
        #expect(GoBuildInfo.parse(blob)?.goVersion == "go1.21.0")
    }
}

@Suite struct JavaArchiveCatalogTests {
    static func pom(_ group: String, _ artifact: String, _ version: String) -> (name: String, data: [UInt8]) {
        ("META-INF/maven/\(group)/\(artifact)/pom.properties", Array("#Created by Apache Maven 3.9\r\ngroupId=\(group)\r\nartifactId = \(artifact)\r\nversion:\(version)\r\n".utf8))
    }

    static func manifest(_ text: String) -> (name: String, data: [UInt8]) { ("META-INF/MANIFEST.MF", Array(text.utf8)) }

    @Test func aJarIsItsPomProperties() throws {
        let jar = StoredZip.make([Self.manifest("Manifest-Version: 1.0\n"), Self.pom("org.slf4j", "slf4j-api", "1.7.32")])
        let packages = try #require(JavaArchiveCatalog.packages(jar, location: "usr/share/java/slf4j-api.jar", layer: 2))
        #expect(packages.map(\.purl.description) == ["pkg:maven/org.slf4j/slf4j-api@1.7.32"])
        #expect(packages[0].layer == 2 && packages[0].hashes["SHA-1"]?.count == 40)
        #expect(packages[0].properties["todoaudit:maven:pom-properties"] == "META-INF/maven/org.slf4j/slf4j-api/pom.properties")
    }

    /// Spring Boot nests library jars; each is a package found at `outer:inner`.
    @Test func nestedJarsAreReadFromMemory() throws {
        let library = StoredZip.make([Self.pom("com.google.guava", "guava", "31.1-jre")])
        let app = StoredZip.make([Self.pom("com.example", "demo", "0.0.1-SNAPSHOT"), ("BOOT-INF/lib/guava-31.1-jre.jar", library),
                                  ("BOOT-INF/lib/not-a-zip.jar", Array("text".utf8))])
        let packages = try #require(JavaArchiveCatalog.packages(app, location: "app/app.jar", layer: 0))
        #expect(packages.map(\.purl.description) == ["pkg:maven/com.example/demo@0.0.1-SNAPSHOT", "pkg:maven/com.google.guava/guava@31.1-jre"])
        #expect(packages.map(\.location) == ["app/app.jar", "app/app.jar:BOOT-INF/lib/guava-31.1-jre.jar"])
        #expect(packages[1].hashes["SHA-1"] == SHA1.hex(library))
    }

    /// A shaded jar keeps the pom.properties of what it swallowed: the one named like the
    /// file is the jar itself; without one, the manifest names it.
    @Test func shadedJarsListEverySwallowedLibrary() throws {
        let shaded = StoredZip.make([Self.manifest("Implementation-Title: tool\nImplementation-Version: 3.0\n"),
                                     Self.pom("org.a", "alpha", "1.0"), Self.pom("org.b", "beta", "2.0")])
        let named = try #require(JavaArchiveCatalog.packages(shaded, location: "opt/beta-2.0.jar", layer: 0))
        #expect(named.map(\.purl.description) == ["pkg:maven/org.a/alpha@1.0", "pkg:maven/org.b/beta@2.0"])
        #expect(named[0].hashes.isEmpty && named[1].hashes["SHA-1"] != nil)
        let unnamed = try #require(JavaArchiveCatalog.packages(shaded, location: "opt/tool-all.jar", layer: 0))
        #expect(unnamed.map(\.purl.description) == ["pkg:maven/tool-all@3.0", "pkg:maven/org.a/alpha@1.0", "pkg:maven/org.b/beta@2.0"])
    }

    @Test func aManifestOnlyJarIsNamedForItsFile() throws {
        let text = "Manifest-Version: 1.0\r\nimplementation-vendor-id: org.example\r\nImplementation-Version: 2.\r\n 4.1\r\nBundle-License: Apache-2.0\r\n\r\nName: sub/\r\nImplementation-Version: 9\r\n"
        let packages = try #require(JavaArchiveCatalog.packages(StoredZip.make([Self.manifest(text)]), location: "app/lib/plain-tool-2.4.1.jar", layer: 0))
        #expect(packages.map(\.purl.description) == ["pkg:maven/org.example/plain-tool@2.4.1"])
        #expect(packages[0].license == "Apache-2.0")
        // No version anywhere: not a package. No metadata at all: nothing.
        #expect(JavaArchiveCatalog.packages(StoredZip.make([Self.manifest("Manifest-Version: 1.0\n")]), location: "app.jar", layer: 0) == [])
        #expect(JavaArchiveCatalog.packages(StoredZip.make([("a.class", [0xca, 0xfe])]), location: "x/lib-1.0.jar", layer: 0)?.map(\.version) == ["1.0"])
    }

    @Test func notAZipIsUnreadable() {
        #expect(JavaArchiveCatalog.packages(Array("not a zip".utf8), location: "broken.jar", layer: 0) == nil)
        #expect(JavaArchiveCatalog.packages(Array(StoredZip.make([Self.pom("a", "b", "1")]).prefix(40)), location: "cut.jar", layer: 0) == nil)
        guard case .unreadable = CatalogedFile.parse(path: "opt/broken.war", Array("junk".utf8), layer: 0) else {
            Issue.record("a damaged war is counted as unreadable")
            return
        }
    }

    @Test(arguments: [("commons-lang3-3.12.0.jar", "commons-lang3", "3.12.0"), ("guava.jar", "guava", nil),
                      ("spring-boot-3.2.1-SNAPSHOT.jar", "spring-boot", "3.2.1-SNAPSHOT"), ("app.jar:BOOT-INF/lib/x-1.jar", "x", "1")])
    func fileNamesSplitAtTheFirstDashBeforeADigit(file: String, name: String, version: String?) {
        let parsed = JavaArchiveCatalog.fileNameAndVersion(file)
        #expect(parsed.name == name && parsed.version == version)
    }
}
