#!/bin/sh
set -e
export AWS_ACCESS_KEY_ID="AKIAOGY75AMPCJY6IAKM"
export AWS_SECRET_ACCESS_KEY="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"
export AWS_DEFAULT_REGION=us-east-1

aws ecr get-login-password | docker login --username AWS --password-stdin 902847561233.dkr.ecr.us-east-1.amazonaws.com
docker push 902847561233.dkr.ecr.us-east-1.amazonaws.com/api:"${GIT_SHA}"
