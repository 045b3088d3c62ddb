#!/bin/sh
curl -sS https://api.acme.io/v2/metrics?window=24h \
  -H "Accept: application/json" \
  -H "Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtcmVwb3J0aW5nIiwiaXNzIjoiaHR0cHM6Ly9hdXRoLmFjbWUuaW8iLCJhdWQiOiJhcGkiLCJpYXQiOjE3MTcwMDAwMDAsImV4cCI6MTkwNjMwMDAwMCwic2NvcGUiOiJyZXBvcnRzOnJlYWQifQ.Fe3TYDyR68lScbEcKRqV7wFmO5jIaksR8Zbz5OEOxso" | jq '.series[] | {name, last}'
