#!/bin/sh
curl --fail -X POST \
     -F token=glptt-928aa8e872f2fad0be05ee07d0959028f8d002be \
     -F ref=main \
     -F "variables[UPSTREAM_SHA]=$CI_COMMIT_SHA" \
     https://gitlab.acme.io/api/v4/projects/412/trigger/pipeline
