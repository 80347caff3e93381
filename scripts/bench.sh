#!/usr/bin/env bash
# `npm run bench [-- options]`: Vigie's latency and throughput beside raw Kafka and PostgreSQL
# baselines (see docs/benchmarks.md). Brings up a broker of its own, formatted afresh on every
# run (127.0.0.1:19492 unless BENCH_KAFKA_PORT says otherwise), and the vigie_bench database,
# builds, and runs the four services on ports 7101-7104. `-- --smoke` is the few-second CI run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

[ -d node_modules ] || npm ci

port="${BENCH_KAFKA_PORT:-19492}"
database="${BENCH_DATABASE:-vigie_bench}"
bench_broker() {
  VIGIE_HOME="$PWD/.vigie/bench-broker" KAFKA_PORT="$port" KAFKA_CONTROLLER_PORT="$((port + 1))" \
    VIGIE_DATABASES="$database" bash scripts/infra.sh "$@"
}
trap 'bench_broker down >/dev/null 2>&1 || true' EXIT

bench_broker reset-kafka >/dev/null
bench_broker up
npm run --silent build

export BENCH_KAFKA_BROKERS="127.0.0.1:$port"
export BENCH_KAFKA_PID_FILE="$PWD/.vigie/bench-broker/kafka/kafka.pid"
export BENCH_DATABASE_URL="postgres://postgres@127.0.0.1:5432/$database"
node dist/bench/main.js "$@"
