#!/bin/sh
MSG="$1"
curl -H 'Content-Type: application/json' -d "{\"content\": \"$MSG\"}" https://discord.com/api/webhooks/2411826599178109941/WtrYDYRtKbn2fHvO9Ir0cqhnCXOh0BC0FK33bhsPghFT6fh6AJLGmD0nx5jus3TVnaQR
