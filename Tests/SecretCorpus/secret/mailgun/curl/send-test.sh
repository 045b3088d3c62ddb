#!/bin/sh
curl -s --user 'api:key-1c1d7c9c1e0d6206d8a3d6be4473d47a' \
  https://api.mailgun.net/v3/sandbox.acme.io/messages \
  -F from='Test <test@sandbox.acme.io>' -F to=dev@acme.io -F subject=ping -F text=pong
