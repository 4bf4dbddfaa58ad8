#!/bin/bash
# Runs once, when the postgres container initialises an empty data directory (docker-entrypoint-initdb.d): one login
# role per service that owns data, each the owner of its own schema and of nothing else, so that no service can read or
# write another's tables. The services' Flyway migrations then create their tables as those roles.
set -euo pipefail

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v ingest_password="$INGEST_DB_PASSWORD" \
    -v training_password="$TRAINING_DB_PASSWORD" \
    -v monitoring_password="$MONITORING_DB_PASSWORD" <<'SQL'
REVOKE ALL ON DATABASE :"DBNAME" FROM PUBLIC;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

CREATE ROLE ingest_service LOGIN PASSWORD :'ingest_password';
CREATE ROLE training_service LOGIN PASSWORD :'training_password';
CREATE ROLE monitoring_service LOGIN PASSWORD :'monitoring_password';

GRANT CONNECT ON DATABASE :"DBNAME" TO ingest_service, training_service, monitoring_service;

CREATE SCHEMA ingest AUTHORIZATION ingest_service;
CREATE SCHEMA registry AUTHORIZATION training_service;
CREATE SCHEMA monitoring AUTHORIZATION monitoring_service;
SQL
