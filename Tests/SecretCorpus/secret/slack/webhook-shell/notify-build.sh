#!/bin/bash
STATUS=${1:-success}
curl -s -X POST -H 'Content-type: application/json' \
  --data "{\"text\":\"Build ${BUILD_NUMBER} finished: ${STATUS}\"}" \
  https://hooks.slack.com/services/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
