#!/usr/bin/env bash
set -euo pipefail
TOKEN=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
for repo in api web docs; do
  git clone --mirror "https://x-access-token:${TOKEN}@github.com/acme-corp/${repo}.git" "/srv/mirror/${repo}.git"
done
