/// Secrets in the files of any layer. A file a later layer deleted or overwrote still
/// ships in the earlier layer's tar, so it is reported too, saying so. The same secret
/// at the same path in several layers is one finding naming all of them.
struct LayerSecretCheck: ImageCheck {
    func evaluate(_ image: ImageFacts, _ input: CheckInput) -> [ImageViolation] {
        guard let secrets = image.secrets, !secrets.isEmpty else { return [] }
        struct Key: Hashable { let kind: String; let path: String; let digest: String }
        var groups: [Key: [LayerSecret]] = [:]
        var order: [Key] = []
        for secret in secrets {
            let key = Key(kind: secret.secret.match.kindID, path: secret.path, digest: secret.secret.secretDigest)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(secret)
        }
        let hiddenPaths = Set(order.map(\.path))
        var hidden: [String: [ImageFacts.HiddenFile]] = [:]
        for h in image.hidden where hiddenPaths.contains(h.entry.path) { hidden[h.entry.path, default: []].append(h) }

        var out: [ImageViolation] = []
        for key in order {
            let copies = groups[key]!
            let layers = Array(Set(copies.map(\.layer))).sorted()
            let visibleLayer = image.files[key.path]?.layer
            let shown = copies.first { $0.layer == visibleLayer } ?? copies.last!
            let found = shown.secret
            let place = "/\(key.path):\(found.match.line)"
            var message: String
            if visibleLayer == shown.layer {
                message = "\(found.kindName) in \(place) ships in \(image.describe(layer: shown.layer))"
            } else {
                let hider = hidden[key.path]?.first { $0.layer == shown.layer }
                let how = hider.map { ($0.deleted ? "deleted" : "overwritten") + " in layer \($0.hiddenBy + 1)" } ?? "hidden by a later layer"
                message = "\(found.kindName) in \(place), \(how), is still in the image (\(image.describe(layer: shown.layer)))"
            }
            if layers.count > 1 { message += "; also in layers " + layers.filter { $0 != shown.layer }.map { String($0 + 1) }.joined(separator: ", ") }
            message += ". Remove it from every layer (rebuild) and rotate it"
            var v = ImageViolation(.file(key.path, layer: shown.layer), message, evidence: found.match.redacted)
            v.line = found.match.line
            v.layers = layers
            v.severity = found.severity
            v.identity = found.fingerprint
            v.secretKind = found.match.kindID
            out.append(v)
        }
        return out
    }
}
