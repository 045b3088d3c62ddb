variable "region" { default = "ams3" }

provider "digitalocean" {
  token             = "dop_v1_3b089461a45dc73c2c4eded1b775e6cadb32fdd685a3c20ec7802e56e2991589"
  spaces_access_id  = "DO006N7EDN64YZKE25OF"
  spaces_secret_key = "uh67ocBOwoEVcR1qM/wewYJJ68RdTUJ+BtZqmULoj6G"
}
