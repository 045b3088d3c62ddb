#!/bin/sh
# usage: DB_PASSWORD=... ./run.sh
: "${DB_PASSWORD:?DB_PASSWORD must be set}"
docker run -d --name api -e DB_PASSWORD="$DB_PASSWORD" -e DB_USER=app acme/api:latest
