#!/bin/bash
# mongod as a one-member replica set with authentication. Members of a replica set with
# auth authenticate to each other with a key file; with one member it never leaves this
# container, so it is made here on first start (mode 400, owned by mongodb).
set -euo pipefail
keyfile=/data/configdb/replica.key
if [ ! -s "$keyfile" ]; then
  head -c 756 /dev/urandom | base64 | tr -d '\n' > "$keyfile"
fi
chmod 400 "$keyfile"
chown mongodb:mongodb "$keyfile"
exec docker-entrypoint.sh mongod --replSet rs0 --keyFile "$keyfile" --bind_ip_all "$@"
