data "aws_secretsmanager_secret_version" "db" {
  secret_id = "prod/db/master"
}

locals {
  db_creds = jsondecode(data.aws_secretsmanager_secret_version.db.secret_string)
}

provider "postgresql" {
  host     = aws_db_instance.main.address
  username = local.db_creds.username
  password = local.db_creds.password
}
