#!/bin/sh
git remote set-url origin https://jenkins:YXpwcNRlRdAuubbtErU6lb@git.acme.io/scm/core/api.git
git fetch --prune origin
