#!/bin/bash
set -e
azcopy copy "https://backupsweu01.blob.core.windows.net/pg-dumps/latest.dump?sv=2022-11-02&ss=bfqt&srt=sco&sp=rwdlacupiytfx&se=2025-12-31T23:59:59Z&st=2024-01-01T00:00:00Z&spr=https&sig=9%2FiNr3Mu6%2F9YBvURSJ9zd%2FaMQXa5wk2yBRK5rTt4ICc%3D" /tmp/latest.dump
pg_restore -d app /tmp/latest.dump
