path "secret/data/apps/api/*" {
  capabilities = ["read"]
}

path "database/creds/api" {
  capabilities = ["read"]
}

path "auth/token/renew-self" {
  capabilities = ["update"]
}
