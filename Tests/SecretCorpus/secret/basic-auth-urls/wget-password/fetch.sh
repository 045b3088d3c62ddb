#!/bin/sh
wget --user=builds --password='Rocket*9472x' https://downloads.acme.io/nightly/agent-latest.tar.gz -O /tmp/agent.tgz
