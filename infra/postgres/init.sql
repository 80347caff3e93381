-- Run by the postgres image (docker-compose.yml) the first time it initialises
-- an empty data volume. Without Docker, scripts/infra.sh creates the same
-- databases on the machine's PostgreSQL.
CREATE DATABASE vigie;
CREATE DATABASE vigie_test;
