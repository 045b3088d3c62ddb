#!/bin/bash
read -r -p "Username: " USERNAME
read -r -s -p "Password: " PASSWORD
echo
curl -fsS -u "${USERNAME}:${PASSWORD}" https://intranet.acme.io/api/session
