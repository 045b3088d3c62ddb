#!/bin/bash
set -eu
curl -fsS -X POST https://api.pagerduty.com/incidents \
  -H 'Authorization: Token token=maOas0M61Eky9AyxCxEe' \
  -H 'Content-Type: application/json' -d @incident.json
