#!/bin/bash
# Generates a fresh signing key at deploy time; nothing is stored in the image.
set -euo pipefail
umask 077
openssl genpkey -algorithm ed25519 -out /run/keys/signing.pem
openssl pkey -in /run/keys/signing.pem -pubout -out /run/keys/signing.pub
head -c 32 /dev/urandom | base64 > /run/keys/session-secret
