#!/bin/bash
set -euo pipefail
MYSQL_PWD='Violet*8031!!'
export MYSQL_PWD
mysqldump -h db.acme.internal -u backup --all-databases | gzip > "/backups/$(date +%F).sql.gz"
