/// An account other than root with uid 0 in /etc/passwd: whoever runs as it is root, under
/// a name that reads like an ordinary user (`USER app` with `useradd -o -u 0 app`).
struct ExtraRootAccountCheck: ImageCheck {
    func evaluate(_ image: ImageFacts, _ input: CheckInput) -> [ImageViolation] {
        image.accountRecords("etc/passwd").compactMap { fields, line in
            guard fields.count >= 3, fields[0] != "root", Int(fields[2]) == 0 else { return nil }
            var v = ImageViolation(.file("etc/passwd", layer: image.files["etc/passwd"]?.layer ?? 0),
                                   "Account '\(fields[0])' has uid 0 in /etc/passwd, so it is root under another name; give it its own uid",
                                   evidence: "\(fields[0]):x:0")
            v.line = line
            return v
        }
    }
}
