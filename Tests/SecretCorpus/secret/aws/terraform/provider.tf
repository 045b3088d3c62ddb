terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.31"
    }
  }
}

provider "aws" {
  region     = "eu-west-1"
  access_key = "AKIAK2G2KDCYUD5QSILW"
  secret_key = "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"

  default_tags {
    tags = {
      Project = "billing"
      Owner   = "platform-team"
    }
  }
}

resource "aws_s3_bucket" "exports" {
  bucket = "billing-exports-euw1"
}
