#!/bin/sh
# Create the secrets docker-compose reads (once; existing files are kept).
# The files are mounted into containers whose users differ from yours: they must be
# world-readable, so the directory around them is what keeps them private.
set -eu
cd "$(dirname "$0")/.."
mkdir -p secrets
chmod 700 secrets
for name in mongo_root_password mongo_app_password; do
  [ -s "secrets/$name" ] || od -An -N24 -tx1 /dev/urandom | tr -d ' \n' > "secrets/$name"
done
[ -s secrets/admin_key ] || printf 'cdk_%s' "$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')" > secrets/admin_key
chmod 644 secrets/*
echo "secrets are in ./secrets (the admin API key: secrets/admin_key)"
