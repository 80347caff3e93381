#!/usr/bin/env bash
# `npm run demo`: installs what is missing, brings up Kafka and PostgreSQL, builds, then runs
# the four services and follows one alert end to end, seeds a night of alerts and starts the
# console (http://127.0.0.1:3005) with demo accounts. Pass --exit to stop when done.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

[ -d node_modules ] || npm ci
# npm puts node_modules/.bin first on PATH: the pinned Node.js LTS (the `node` devDependency) runs everything.
echo "Node.js $(node --version)"
bash scripts/infra.sh up
npm run --silent build
exec node dist/scripts/demo.js "$@"
