#!/bin/sh
set -e
export DB_PASSWORD="$(cat /run/secrets/db_password)"
export API_TOKEN=$(cat /run/secrets/api_token)
exec "$@"
