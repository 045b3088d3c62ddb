use std::env;

fn main() {
    let token = env::var("GITHUB_TOKEN").expect("GITHUB_TOKEN must be set");
    let password = env::var("DB_PASSWORD").unwrap_or_default();
    println!("token has {} chars, password set: {}", token.len(), !password.is_empty());
}
