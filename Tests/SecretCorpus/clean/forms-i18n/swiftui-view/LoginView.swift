import SwiftUI

struct LoginView: View {
    @State private var username = ""
    @State private var password = ""

    var body: some View {
        Form {
            TextField("Username", text: $username)
            SecureField("Password", text: $password)
            Button("Sign In") { Task { await auth.login(username, password) } }
                .disabled(password.isEmpty)
        }
    }
}
