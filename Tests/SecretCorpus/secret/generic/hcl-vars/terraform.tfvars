region         = "eu-west-1"
instance_type  = "t3.medium"
db_username    = "admin"
db_password    = "N^HFm?MPYhq2znT6A"
allowed_cidrs  = ["10.0.0.0/8"]
