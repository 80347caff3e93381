#!/usr/bin/env bash
# The full test suite: type-check, lint and build, unit tests, end-to-end tests, Kafka security
# tests on a secured three-node cluster (127.0.0.1:19094/19096/19098), then fault tests
# against a dedicated Kafka broker (formatted fresh for every run, on 127.0.0.1:19092) and
# PostgreSQL; the reliability table of docs/reliability.md is regenerated from this run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

[ -d node_modules ] || npm ci
# The reliability table and the secret scan of the captured logs reflect this run only.
rm -rf .vigie/reliability .vigie/test-logs

# A broker of its own: tests never share topics or consumer groups with a running demo.
export VIGIE_TEST_KAFKA_PORT="${VIGIE_TEST_KAFKA_PORT:-19092}"
test_broker() {
  VIGIE_HOME="$PWD/.vigie/test-broker" KAFKA_PORT="$VIGIE_TEST_KAFKA_PORT" \
    KAFKA_CONTROLLER_PORT="$((VIGIE_TEST_KAFKA_PORT + 1))" bash scripts/infra.sh "$@"
}
# The secured three-node cluster of the kafka-security tests, formatted fresh for every run too.
export VIGIE_TEST_KAFKA_CLUSTER_HOME="$PWD/.vigie/test-cluster"
test_cluster() {
  VIGIE_HOME="$VIGIE_TEST_KAFKA_CLUSTER_HOME" KAFKA_CLUSTER_PORTS="${VIGIE_TEST_KAFKA_CLUSTER_PORTS:-19094 19096 19098}" \
    bash scripts/kafka-cluster.sh "$@"
}
trap 'test_broker down >/dev/null 2>&1 || true; test_cluster down >/dev/null 2>&1 || true' EXIT

echo "== infrastructure"
test_broker reset-kafka >/dev/null
test_broker up
export VIGIE_TEST_KAFKA_BROKERS="127.0.0.1:$VIGIE_TEST_KAFKA_PORT"
export VIGIE_TEST_DATABASE_URL="${VIGIE_TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/vigie_test}"

echo "== type-check, lint and build"
npm run --silent typecheck
npm run --silent lint
npm run --silent build
echo "== API description (docs/openapi.json up to date, Redocly's recommended rules)"
npm run --silent openapi -- --check
REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true npm run --silent openapi:lint
# docs/asyncapi.yaml must be regenerated (npm run asyncapi) whenever libs/contracts changes.
node dist/scripts/asyncapi.js --check

echo "== unit tests"
npx jest --selectProjects unit --ci

echo "== integration tests (the messaging layer alone, real Kafka, real PostgreSQL)"
npx jest --selectProjects integration --ci --runInBand --forceExit

echo "== end-to-end tests (real Kafka, real PostgreSQL)"
npx jest --selectProjects e2e --ci --runInBand --forceExit

echo "== Kafka security (three-node cluster: SASL/SCRAM over TLS, ACLs per service, replication)"
test_cluster reset >/dev/null
test_cluster up
npx jest --selectProjects kafka-security --ci --runInBand --forceExit
test_cluster down

echo "== browser tests (the console in Chromium, real stack)"
bash scripts/chromium.sh
npx jest --selectProjects browser --ci --runInBand --forceExit

echo "== fault tests (services killed, broker stopped, database cut off, poison messages, rebalance)"
status=0
npm run --silent test:faults -- --ci --forceExit || status=$?
echo "== reliability report"
npm run --silent reliability:report
echo "== secret scan of the captured service logs"
node dist/scripts/scan-test-logs.js || status=1
exit "$status"
