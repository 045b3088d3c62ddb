struct Credentials: Codable, Sendable {
    let username: String
    let password: String
}

struct APIToken: Codable {
    let token: String
    let expiresAt: Date
}
