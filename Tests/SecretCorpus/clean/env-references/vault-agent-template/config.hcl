template {
  destination = "/vault/secrets/db.env"
  contents    = <<EOT
{{ with secret "database/creds/app" }}
DB_USER={{ .Data.username }}
DB_PASSWORD={{ .Data.password }}
{{ end }}
EOT
}
