module "db" {
  source   = "./modules/rds"
  name     = "orders"
  username = "orders"
  password = module.secrets.db_password
  manage_master_user_password = true
}
