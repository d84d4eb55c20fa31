#!/bin/sh
# Run once by the postgres image when it makes its database: the role Preflight serves requests as.
# The image's own user owns the database and runs Preflight's migrations; this one may only use rows.
set -eu
psql -v ON_ERROR_STOP=1 -v password="$PREFLIGHT_APP_DB_PASSWORD" --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<'SQL'
CREATE ROLE preflight_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'password';
SQL
