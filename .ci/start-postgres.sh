#!/usr/bin/env bash
# Starts the Debian PostgreSQL cluster on 127.0.0.1:5432 and creates the test role and database.
set -euo pipefail
ver=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$ver main"; then
  pg_createcluster "$ver" main >/dev/null
fi
conf="/etc/postgresql/$ver/main/postgresql.conf"
# pg_conftool writes the value unquoted, which PostgreSQL rejects: write the line ourselves.
sed -i -E "s/^#?\s*listen_addresses\s*=.*/listen_addresses = '127.0.0.1'/" "$conf"
if ! pg_lsclusters -h | awk -v v="$ver" '$1==v && $2=="main" {print $4}' | grep -q online; then
  pg_ctlcluster "$ver" main start
fi
for i in $(seq 1 30); do
  pg_isready -h 127.0.0.1 -p 5432 -q && break
  sleep 1
done
pg_isready -h 127.0.0.1 -p 5432
psql_su() { su postgres -c "psql -v ON_ERROR_STOP=1 -qAt -c \"$1\""; }
[ "$(psql_su "SELECT 1 FROM pg_roles WHERE rolname='gongkai'")" = "1" ] || psql_su "CREATE ROLE gongkai LOGIN SUPERUSER PASSWORD 'gongkai'"
[ "$(psql_su "SELECT 1 FROM pg_database WHERE datname='gongkai_test'")" = "1" ] || su postgres -c "createdb -O gongkai -E UTF8 gongkai_test"
