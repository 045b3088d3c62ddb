/// Reads the fields rules use from an image config's `config` object (Docker and OCI use the
/// same names), given as `RuleData` (from YAML examples) or as parsed JSON.
enum ImageConfigJSON {
    static func config(_ c: RuleData) -> ImageFacts.Config {
        let env = (c["Env"]?.strings ?? []).map { item -> ImageFacts.EnvVariable in
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return ImageFacts.EnvVariable(name: String(parts[0]), value: parts.count > 1 ? String(parts[1]) : "")
        }
        var labels: [String: String] = [:]
        if case .map(let m)? = c["Labels"] { for (k, v) in m { labels[k] = v.string ?? "" } }
        var ports: [String] = []
        if case .map(let m)? = c["ExposedPorts"] { ports = m.keys.sorted() }
        return ImageFacts.Config(
            user: c["User"]?.string, env: env, entrypoint: c["Entrypoint"]?.strings, cmd: c["Cmd"]?.strings,
            healthcheck: c["Healthcheck"]?["Test"]?.strings, exposedPorts: ports, labels: labels,
            workingDir: c["WorkingDir"]?.string
        )
    }
}
