#!/bin/bash
curl -fsS -u monitor:Falcon&4057!! https://es.acme.internal:9200/_cluster/health | jq -r .status
