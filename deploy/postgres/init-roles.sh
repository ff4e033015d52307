#!/bin/sh
# Runs once, when the PostgreSQL container initialises an empty data folder (docker-entrypoint-initdb.d).
# Two roles, as the app requires (it refuses to start otherwise):
#   butietong_owner  owns the database and its schema, runs the migrations (DATABASE_OWNER_URL);
#   butietong_app    what the API replicas connect as (DATABASE_URL): no superuser, owns nothing, and is
#                    granted its rights by the owner at every start, INSERT and SELECT only on the logs.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner_password="$BUTIETONG_OWNER_PASSWORD" -v app_password="$BUTIETONG_APP_PASSWORD" <<'SQL'
CREATE ROLE butietong_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'owner_password';
CREATE ROLE butietong_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD :'app_password';
ALTER DATABASE butietong OWNER TO butietong_owner;
\connect butietong
ALTER SCHEMA public OWNER TO butietong_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SQL
