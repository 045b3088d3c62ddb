#!/bin/bash
set -euo pipefail
DB_PASSWORD="$(vault kv get -field=password secret/apps/api/db)"
API_TOKEN=$(aws secretsmanager get-secret-value --secret-id prod/api/token --query SecretString --output text)
GH_TOKEN=$(gh auth token)
export DB_PASSWORD API_TOKEN GH_TOKEN
