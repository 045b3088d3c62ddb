/// What a package-manager command does: install, remove, upgrade everything, or refresh indexes.
public struct PackageOperation: Sendable, Hashable {
    public enum Manager: String, Sendable {
        case apk, apt, dnf, yum, microdnf, zypper, pip, uv, npm, yarn, pnpm
        /// Managers that install operating-system packages.
        public var isSystem: Bool { [.apk, .apt, .dnf, .yum, .microdnf, .zypper].contains(self) }
    }
    public enum Action: Sendable { case install, remove, upgradeAll, update }

    public var manager: Manager
    public var action: Action
    /// The subcommand as written (`add`, `upgrade`, `install`, `groupinstall`).
    public var verb: String
    /// Package names with version pins and extras stripped (`gcc=12-r0` → `gcc`); a `$VAR`
    /// word stays as written.
    public var packages: [String]
    /// The package words as written, versions kept (`gcc=12.2-r0`, `cmake>=3.27`), for the
    /// pinning check; `$VAR` words expanded like `packages`.
    public var specs: [String]
    /// The options given (`--no-cache`, `-y`, `--virtual`), as written.
    public var options: [String]
    /// `apk add --virtual NAME` / `-t NAME`.
    public var virtualName: String?
    public var command: ResolvedCommand

    /// Options that take the next word as their value, per manager.
    private static let valued: [Manager: Set<String>] = [
        .apk: ["-t", "--virtual", "-X", "--repository", "-p", "--root", "--arch", "--cache-dir", "--keys-dir", "--repositories-file"],
        .apt: ["-o", "--option", "-t", "--target-release", "-c", "--config-file", "-a", "--host-architecture"],
        .dnf: ["-x", "--exclude", "--installroot", "--releasever", "--setopt", "-c", "--config", "--repo", "--enablerepo", "--disablerepo"],
        .zypper: ["-r", "--repo", "--root", "-t", "--type"],
        .pip: ["-r", "--requirement", "-c", "--constraint", "-i", "--index-url", "--extra-index-url", "-t", "--target",
               "--prefix", "--root", "-f", "--find-links", "--trusted-host", "--cache-dir", "--platform",
               "--python-version", "--only-binary", "--no-binary", "--progress-bar", "--src", "--upgrade-strategy",
               "--python", "-p"],
        .npm: ["--prefix", "--registry", "-w", "--workspace", "--cache"],
    ]

    public init?(_ command: ResolvedCommand) {
        var args = command.arguments[...]
        let manager: Manager
        switch command.name {
        case "apk": manager = .apk
        case "apt-get", "apt", "aptitude": manager = .apt
        case "dnf", "dnf5", "tdnf": manager = .dnf
        case "yum": manager = .yum
        case "microdnf": manager = .microdnf
        case "zypper": manager = .zypper
        case "npm": manager = .npm
        case "yarn": manager = .yarn
        case "pnpm": manager = .pnpm
        case "uv":
            // `uv pip install …`; `uv sync`/`uv add` resolve from the project, not named packages.
            guard args.first == "pip" else { return nil }
            args = args.dropFirst()
            manager = .uv
        default:
            guard Self.isPip(command.name) else { return nil }
            manager = .pip
        }
        let valued = Self.valued[manager == .yum || manager == .microdnf ? .dnf : manager == .uv ? .pip : manager] ?? []
        var options: [String] = []
        var positional: [String] = []
        var virtualName: String?
        var it = args.makeIterator()
        while let arg = it.next() {
            if arg.hasPrefix("-") && arg.count > 1 {
                options.append(arg)
                if valued.contains(arg) {
                    let value = it.next()
                    if arg == "--virtual" || arg == "-t" && manager == .apk { virtualName = value }
                } else if arg.hasPrefix("--virtual=") {
                    virtualName = String(arg.dropFirst("--virtual=".count))
                }
            } else {
                positional.append(arg)
            }
        }
        guard let verb = positional.first else { return nil }
        var names = Array(positional.dropFirst())
        let action: Action
        switch (manager, verb) {
        case (.apk, "add"): action = .install
        case (.apk, "del"): action = .remove
        case (.apk, "upgrade"): action = .upgradeAll
        case (.apk, "update"): action = .update
        case (.apt, "install"): action = .install
        case (.apt, "remove"), (.apt, "purge"), (.apt, "autoremove"): action = .remove
        case (.apt, "upgrade"), (.apt, "dist-upgrade"), (.apt, "full-upgrade"), (.apt, "safe-upgrade"): action = .upgradeAll
        case (.apt, "update"): action = .update
        case (.dnf, "install"), (.yum, "install"), (.microdnf, "install"),
             (.dnf, "groupinstall"), (.yum, "groupinstall"), (.yum, "localinstall"):
            action = .install
        case (.dnf, "group"), (.yum, "group"):
            guard names.first == "install" else { return nil }
            names = Array(names.dropFirst())
            action = .install
        case (.dnf, "remove"), (.yum, "remove"), (.microdnf, "remove"), (.dnf, "erase"), (.yum, "erase"), (.dnf, "autoremove"), (.yum, "autoremove"):
            action = .remove
        case (.dnf, "upgrade"), (.yum, "upgrade"), (.microdnf, "upgrade"), (.dnf, "update"), (.yum, "update"), (.microdnf, "update"), (.dnf, "distro-sync"):
            action = names.isEmpty ? .upgradeAll : .install
        case (.dnf, "makecache"), (.yum, "makecache"): action = .update
        case (.zypper, "install"), (.zypper, "in"): action = .install
        case (.zypper, "remove"), (.zypper, "rm"): action = .remove
        case (.zypper, "update"), (.zypper, "up"), (.zypper, "dist-upgrade"), (.zypper, "dup"): action = .upgradeAll
        case (.zypper, "refresh"), (.zypper, "ref"): action = .update
        case (.pip, "install"), (.uv, "install"): action = .install
        case (.pip, "uninstall"), (.uv, "uninstall"): action = .remove
        case (.npm, "install"), (.npm, "i"), (.npm, "add"), (.npm, "ci"), (.npm, "isntall"),
             (.yarn, "add"), (.yarn, "install"), (.pnpm, "add"), (.pnpm, "install"), (.pnpm, "i"):
            action = .install
        case (.yarn, "global"):
            guard names.first == "add" else { return nil }
            names = Array(names.dropFirst())
            action = .install
        case (.npm, "uninstall"), (.npm, "remove"), (.npm, "rm"), (.yarn, "remove"), (.pnpm, "remove"):
            action = .remove
        default:
            return nil
        }
        self.manager = manager
        self.action = action
        self.verb = verb
        // A `$VAR` word is kept as written so `expanding(_:)` can look it up.
        self.packages = names.map { $0.hasPrefix("$") ? $0 : Self.bareName($0, manager: manager) }.filter { !$0.isEmpty }
        self.specs = names.filter { !$0.isEmpty }
        self.options = options
        self.virtualName = virtualName
        self.command = command
    }

    static func isPip(_ name: String) -> Bool {
        guard name.hasPrefix("pip") else { return false }
        return name.dropFirst(3).allSatisfy { $0.isNumber || $0 == "." }
    }

    /// `gcc=12.2-r0`, `gcc~12`, `gcc/bookworm`, `cmake==3.27`, `cmake[extra]>=1`, `node-gyp@9` → the name.
    static func bareName(_ spec: String, manager: Manager) -> String {
        var s = Substring(spec)
        switch manager {
        case .npm, .yarn, .pnpm:
            // Scoped packages start with @; the version follows the next @.
            let start = s.hasPrefix("@") ? s.index(after: s.startIndex) : s.startIndex
            if let at = s[start...].firstIndex(of: "@") { s = s[..<at] }
        case .pip, .uv:
            if let cut = s.firstIndex(where: { "=<>!~;[ @".contains($0) }) { s = s[..<cut] }
            // PEP 503 normalisation: case-folded, `_` and `.` read as `-`.
            return String(s.lowercased().map { $0 == "_" || $0 == "." ? "-" : $0 })
        default:
            if let cut = s.firstIndex(where: { "=~<>/".contains($0) }) { s = s[..<cut] }
        }
        return String(s)
    }

    /// The operation with `$VAR` / `${VAR}` package words replaced by the packages the
    /// variable lists (`apt-get install $buildDeps`); unknown variables are kept as written.
    public func expanding(_ variables: [String: String]) -> PackageOperation {
        guard !variables.isEmpty, packages.contains(where: { $0.hasPrefix("$") }) else { return self }
        var copy = self
        copy.packages = packages.flatMap { package -> [String] in
            guard let name = Self.variableName(package), let value = variables[name] else { return [package] }
            return value.split(whereSeparator: \.isWhitespace).map { Self.bareName(String($0), manager: manager) }.filter { !$0.isEmpty }
        }
        copy.specs = specs.flatMap { spec -> [String] in
            guard let name = Self.variableName(spec), let value = variables[name] else { return [spec] }
            return value.split(whereSeparator: \.isWhitespace).map(String.init)
        }
        return copy
    }

    /// `$NAME`, `${NAME}`, `${NAME:-…}` → NAME.
    static func variableName(_ word: String) -> String? {
        guard word.hasPrefix("$") else { return nil }
        var s = word.dropFirst()
        if s.hasPrefix("{") { s = s.dropFirst() }
        let name = s.prefix { $0 == "_" || $0.isLetter || $0.isNumber }
        return name.isEmpty ? nil : String(name)
    }

    public func has(_ option: String) -> Bool {
        options.contains { $0 == option || $0.hasPrefix(option + "=") }
    }
}
