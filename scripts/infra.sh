#!/usr/bin/env bash
# Local infrastructure for Vigie without Docker: a single-node Kafka broker
# (KRaft, loopback only) run from Maven-resolved jars, plus the machine's
# PostgreSQL.
#
#   scripts/infra.sh up           ensure PostgreSQL + databases, start Kafka
#   scripts/infra.sh down         stop the Kafka broker started by `up`
#   scripts/infra.sh status       report both; exit 0 only if both are up
#   scripts/infra.sh reset-kafka  stop Kafka and delete its data
#
#   scripts/infra.sh cluster-up|cluster-down|cluster-status|cluster-reset
#                                 the secured three-node cluster instead of the
#                                 single broker: see scripts/kafka-cluster.sh
#
# Environment (all optional):
#   VIGIE_HOME        state directory               (default: <repo>/.vigie)
#   KAFKA_PORT        broker listener port          (default: 9092)
#   KAFKA_CONTROLLER_PORT  KRaft controller port    (default: 9093)
#   PGHOST, PGPORT, PGUSER                          (default: 127.0.0.1, 5432, postgres)
#   VIGIE_DATABASES   databases to create           (default: "vigie vigie_test")
#
# On a machine with Docker, `docker compose up` is the other way to get the
# same infrastructure (see docker-compose.yml).
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VIGIE_HOME="${VIGIE_HOME:-$REPO_ROOT/.vigie}"
# shellcheck source=scripts/kafka-config.sh
source "$REPO_ROOT/scripts/kafka-config.sh"

KAFKA_HOST=127.0.0.1 # loopback only, on purpose: the broker has no authentication
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_POM="$REPO_ROOT/infra/kafka/pom.xml"
KAFKA_DIR="$VIGIE_HOME/kafka"
KAFKA_LIBS="$KAFKA_DIR/libs"
KAFKA_LIBS_STAMP="$KAFKA_DIR/libs.pom.sha256"
KAFKA_DATA="$KAFKA_DIR/data"
KAFKA_LOGS="$KAFKA_DIR/logs"
KAFKA_PROPS="$KAFKA_DIR/server.properties"
KAFKA_LOG4J="$KAFKA_DIR/log4j.properties"
KAFKA_TOOLS_LOG4J="$KAFKA_DIR/tools-log4j.properties"
KAFKA_CLUSTER_ID_FILE="$KAFKA_DIR/cluster.id"
KAFKA_PID_FILE="$KAFKA_DIR/kafka.pid"
KAFKA_START_DEADLINE_S=90
KAFKA_STOP_DEADLINE_S=30

export PGHOST="${PGHOST:-127.0.0.1}"
export PGPORT="${PGPORT:-5432}"
export PGUSER="${PGUSER:-postgres}"
VIGIE_DATABASES="${VIGIE_DATABASES:-vigie vigie_test}"
PG_START_DEADLINE_S=30

# ---------------------------------------------------------------- helpers

log() { printf '[infra] %s\n' "$*"; }
die() { printf '[infra] error: %s\n' "$*" >&2; exit 1; }

now_ms() { date +%s%3N; }
elapsed_since() { # $1 = start in ms; prints seconds with one decimal
  local ms=$(( $(now_ms) - $1 ))
  printf '%d.%ds' $(( ms / 1000 )) $(( (ms % 1000) / 100 ))
}

require() { # $1 = command, $2 = hint
  command -v "$1" >/dev/null 2>&1 || die "'$1' not found on PATH. $2"
}

# True if something accepts TCP connections on host $1, port $2.
# Bash's /dev/tcp avoids depending on nc; `timeout` guards against a
# connect that hangs instead of being refused.
port_open() {
  timeout 2 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null
}

# Prints the pid from our pid file if that process is alive and really is
# the broker (guards against pid reuse after a reboot or a crash).
kafka_pid() {
  [[ -f "$KAFKA_PID_FILE" ]] || return 1
  local pid
  pid="$(<"$KAFKA_PID_FILE")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  grep -qa 'kafka\.Kafka' "/proc/$pid/cmdline" 2>/dev/null || return 1
  printf '%s\n' "$pid"
}

# Serialise up/down/reset so two concurrent callers (e.g. two test runs)
# cannot start two brokers on the same data directory.
take_lock() {
  mkdir -p "$VIGIE_HOME"
  exec 9>"$VIGIE_HOME/infra.lock"
  flock -w 120 9 || die "another scripts/infra.sh is still running (lock: $VIGIE_HOME/infra.lock)"
}

# ------------------------------------------------------------- PostgreSQL

pg_up() { pg_isready -q -h "$PGHOST" -p "$PGPORT" >/dev/null 2>&1; }

ensure_postgres() {
  require pg_isready "Install the PostgreSQL client tools (Debian: apt-get install postgresql-client)."
  if pg_up; then
    log "PostgreSQL: accepting connections on $PGHOST:$PGPORT"
  else
    # Only a Debian-style cluster can be started from here; anything else is
    # the machine owner's business.
    if ! command -v pg_ctlcluster >/dev/null 2>&1 || [[ ! -d /etc/postgresql ]]; then
      die "PostgreSQL is not accepting connections on $PGHOST:$PGPORT and there is no pg_ctlcluster to start it. Start PostgreSQL yourself (or set PGHOST/PGPORT) and retry."
    fi
    local started
    started="$(now_ms)"
    local version cluster
    for version in $(ls /etc/postgresql); do
      for cluster in $(ls "/etc/postgresql/$version"); do
        log "PostgreSQL: starting cluster $version/$cluster"
        # A cluster that is already running makes pg_ctlcluster fail; that is fine.
        pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" start \
          || log "PostgreSQL: pg_ctlcluster $version $cluster start returned non-zero"
      done
    done
    local deadline=$(( $(date +%s) + PG_START_DEADLINE_S ))
    until pg_up; do
      (( $(date +%s) < deadline )) \
        || die "PostgreSQL still not accepting connections on $PGHOST:$PGPORT after ${PG_START_DEADLINE_S}s"
      sleep 0.2
    done
    log "PostgreSQL: up after $(elapsed_since "$started")"
  fi

  require psql "Install the PostgreSQL client tools (Debian: apt-get install postgresql-client)."
  require createdb "Install the PostgreSQL client tools (Debian: apt-get install postgresql-client)."
  local db exists
  for db in $VIGIE_DATABASES; do
    # The name is interpolated into SQL below: accept plain identifiers only.
    [[ "$db" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || die "invalid database name in VIGIE_DATABASES: '$db'"
    exists="$(psql -X -tAc "select 1 from pg_database where datname='$db'" postgres)" \
      || die "cannot query PostgreSQL on $PGHOST:$PGPORT as user '$PGUSER'"
    if [[ "$exists" == 1 ]]; then
      log "PostgreSQL: database '$db' exists"
    else
      createdb "$db"
      log "PostgreSQL: created database '$db'"
    fi
  done
}

# ------------------------------------------------------------------ Kafka

# Jars are resolved by Maven into $KAFKA_LIBS. The sha256 of pom.xml is kept
# next to them so a version bump in the pom triggers a fresh resolution, and
# nothing else does (Maven startup alone costs a few seconds).
ensure_kafka_jars() {
  local want have=""
  want="$(sha256sum "$KAFKA_POM" | cut -d' ' -f1)"
  if [[ -f "$KAFKA_LIBS_STAMP" ]]; then have="$(<"$KAFKA_LIBS_STAMP")"; fi
  if [[ "$want" == "$have" && -d "$KAFKA_LIBS" ]]; then
    return 0
  fi

  require mvn "Install Maven 3 (Debian: apt-get install maven); it fetches the Kafka jars from Maven Central."
  log "Kafka: resolving jars from $KAFKA_POM (infra/kafka/pom.xml changed or first run)"
  local started tmp
  started="$(now_ms)"
  # Resolve into a scratch directory and swap it in, so an interrupted or
  # failed download never leaves a half-filled libs directory behind.
  tmp="$(mktemp -d "$KAFKA_DIR/libs.tmp.XXXXXX")"
  # Maven's output goes to a file: even with -q it writes stray colour
  # escape codes, and it is only interesting when something fails.
  if ! mvn -q -B -Dstyle.color=never -f "$KAFKA_POM" \
      org.apache.maven.plugins:maven-dependency-plugin:3.7.1:copy-dependencies \
      -DincludeScope=runtime -DoutputDirectory="$tmp" >"$KAFKA_LOGS/maven.log" 2>&1; then
    rm -rf "$tmp"
    tail -n 40 "$KAFKA_LOGS/maven.log" >&2
    die "Maven could not resolve the Kafka jars (is Maven Central reachable?); see $KAFKA_LOGS/maven.log"
  fi
  rm -rf "$KAFKA_LIBS"
  chmod 755 "$tmp" # mktemp creates it 0700
  mv "$tmp" "$KAFKA_LIBS"
  printf '%s\n' "$want" >"$KAFKA_LIBS_STAMP"
  log "Kafka: $(ls "$KAFKA_LIBS" | wc -l) jars resolved in $(elapsed_since "$started")"
}

write_kafka_config() {
  {
    cat <<PROPS
# Generated by scripts/infra.sh; edits are overwritten on the next 'up'.
# Single-node KRaft: this process is both broker and controller.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$KAFKA_HOST:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://$KAFKA_HOST:$KAFKA_PORT,CONTROLLER://$KAFKA_HOST:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$KAFKA_HOST:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$KAFKA_DATA

# One broker: every replication factor is 1.
PROPS
    kafka_replication_properties 1 1 3
    echo
    kafka_shared_properties
  } >"$KAFKA_PROPS"

  {
    echo "# Generated by scripts/infra.sh: broker logs go to $KAFKA_LOGS/server.log."
    kafka_broker_log4j "$KAFKA_LOGS/server.log" 3
  } >"$KAFKA_LOG4J"
  kafka_tools_log4j >"$KAFKA_TOOLS_LOG4J"
}

# Short-lived tool JVMs: stopping at the C1 compiler makes them start faster,
# and they do too little work for the optimising compiler to pay off.
kafka_tool() {
  java -XX:TieredStopAtLevel=1 -Dlog4j.configuration="file:$KAFKA_TOOLS_LOG4J" \
    -cp "$KAFKA_LIBS/*" kafka.tools.StorageTool "$@"
}

# KRaft needs its log directory formatted with a cluster id exactly once.
# The id is kept in a file; meta.properties in the data directory proves the
# format happened, so later runs skip the tool entirely.
ensure_kafka_formatted() {
  if [[ -f "$KAFKA_CLUSTER_ID_FILE" && -f "$KAFKA_DATA/meta.properties" ]]; then
    return 0
  fi
  local cluster_id
  if [[ -f "$KAFKA_CLUSTER_ID_FILE" ]]; then
    cluster_id="$(<"$KAFKA_CLUSTER_ID_FILE")"
  elif [[ -f "$KAFKA_DATA/meta.properties" ]]; then
    # Data from an earlier run whose id file was lost: keep using its id.
    cluster_id="$(sed -n 's/^cluster\.id=//p' "$KAFKA_DATA/meta.properties")"
  else
    cluster_id="$(kafka_tool random-uuid)"
  fi
  [[ -n "$cluster_id" ]] || die "could not determine a Kafka cluster id"
  printf '%s\n' "$cluster_id" >"$KAFKA_CLUSTER_ID_FILE"
  log "Kafka: formatting $KAFKA_DATA (cluster id $cluster_id)"
  kafka_tool format -t "$cluster_id" -c "$KAFKA_PROPS" --ignore-formatted >/dev/null
}

print_kafka_log_tail() {
  printf -- '--- last 40 lines of %s ---\n' "$KAFKA_LOGS/server.log" >&2
  tail -n 40 "$KAFKA_LOGS/server.log" >&2 2>/dev/null || true
  # JVM-level failures (bad options, missing class) never reach log4j.
  if [[ -s "$KAFKA_LOGS/stdout.log" ]]; then
    printf -- '--- last 40 lines of %s ---\n' "$KAFKA_LOGS/stdout.log" >&2
    tail -n 40 "$KAFKA_LOGS/stdout.log" >&2
  fi
}

# Poll until the broker says it started and the port takes connections.
# Returns 1 (after printing the log) if the process dies or time runs out.
# A normal start takes a few seconds. After an unclean stop (SIGKILL, crash)
# expect about 10 s more: the controller refuses the new registration of
# broker 1 (DUPLICATE_BROKER_REGISTRATION) until the old one's session,
# broker.session.timeout.ms = 9 s, has expired.
wait_for_kafka() { # $1 = pid
  local pid="$1" deadline=$(( $(date +%s) + KAFKA_START_DEADLINE_S ))
  while :; do
    if ! kill -0 "$pid" 2>/dev/null; then
      log "Kafka: the broker process $pid exited during startup" >&2
      print_kafka_log_tail
      return 1
    fi
    if grep -q 'Kafka Server started' "$KAFKA_LOGS/server.log" 2>/dev/null \
        && port_open "$KAFKA_HOST" "$KAFKA_PORT"; then
      return 0
    fi
    if (( $(date +%s) >= deadline )); then
      log "Kafka: not ready after ${KAFKA_START_DEADLINE_S}s" >&2
      print_kafka_log_tail
      return 1
    fi
    sleep 0.5
  done
}

start_kafka() {
  require java "Install a Java 17 runtime (Debian: apt-get install openjdk-17-jre-headless)."
  mkdir -p "$KAFKA_DIR" "$KAFKA_DATA" "$KAFKA_LOGS"
  ensure_kafka_jars
  write_kafka_config
  ensure_kafka_formatted

  # Start each run with a fresh server.log so readiness is judged on this
  # run's lines only; the previous run's log is kept one generation.
  if [[ -f "$KAFKA_LOGS/server.log" ]]; then
    mv -f "$KAFKA_LOGS/server.log" "$KAFKA_LOGS/server.log.previous"
  fi
  : >"$KAFKA_LOGS/stdout.log"

  # A busy controller port would otherwise surface as a bind stack trace.
  if port_open "$KAFKA_HOST" "$KAFKA_CONTROLLER_PORT"; then
    die "port $KAFKA_HOST:$KAFKA_CONTROLLER_PORT (KRaft controller) is already in use; free it or set KAFKA_CONTROLLER_PORT"
  fi

  local started
  started="$(now_ms)"
  # setsid + nohup: the broker gets its own session and ignores SIGHUP, so it
  # outlives this script and the terminal or CI step that ran it.
  # 9>&- : do not let the broker inherit (and hold forever) our lock.
  setsid nohup java -Xms512m -Xmx1g -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError \
    -Djava.awt.headless=true \
    -Dlog4j.configuration="file:$KAFKA_LOG4J" \
    -cp "$KAFKA_LIBS/*" kafka.Kafka "$KAFKA_PROPS" \
    >"$KAFKA_LOGS/stdout.log" 2>&1 </dev/null 9>&- &
  local pid=$!
  printf '%s\n' "$pid" >"$KAFKA_PID_FILE"
  log "Kafka: started broker (pid $pid), waiting for $KAFKA_HOST:$KAFKA_PORT"

  if ! wait_for_kafka "$pid"; then
    stop_pid "$pid"
    rm -f "$KAFKA_PID_FILE"
    die "Kafka failed to start; full log in $KAFKA_LOGS/server.log"
  fi
  log "Kafka: ready on $KAFKA_HOST:$KAFKA_PORT (pid $pid) in $(elapsed_since "$started")"
}

ensure_kafka() {
  local pid=""
  pid="$(kafka_pid)" || pid=""
  if port_open "$KAFKA_HOST" "$KAFKA_PORT"; then
    if [[ -n "$pid" ]]; then
      log "Kafka: already running (pid $pid from $KAFKA_PID_FILE) on $KAFKA_HOST:$KAFKA_PORT"
    else
      log "Kafka: something not started by this script already listens on $KAFKA_HOST:$KAFKA_PORT; using it"
    fi
    return 0
  fi
  if [[ -n "$pid" ]]; then
    # Our broker is alive but not listening yet: another 'up' started it a
    # moment ago, or it is still recovering its logs. Wait rather than start
    # a second one on the same data directory.
    log "Kafka: broker pid $pid is running but $KAFKA_HOST:$KAFKA_PORT is not open yet; waiting"
    wait_for_kafka "$pid" || die "Kafka (pid $pid) did not become ready; see $KAFKA_LOGS/server.log"
    log "Kafka: ready on $KAFKA_HOST:$KAFKA_PORT (pid $pid)"
    return 0
  fi
  rm -f "$KAFKA_PID_FILE" # stale: its process is gone
  start_kafka
}

# SIGTERM triggers Kafka's controlled shutdown (it flushes and closes its
# logs, so the next start needs no recovery). SIGKILL only as a last resort.
stop_pid() { # $1 = pid
  local pid="$1" deadline=$(( $(date +%s) + KAFKA_STOP_DEADLINE_S ))
  kill -TERM "$pid" 2>/dev/null || return 0
  while kill -0 "$pid" 2>/dev/null; do
    if (( $(date +%s) >= deadline )); then
      log "Kafka: pid $pid still alive after ${KAFKA_STOP_DEADLINE_S}s, sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.2
  done
}

stop_kafka() {
  local pid
  if pid="$(kafka_pid)"; then
    local started
    started="$(now_ms)"
    log "Kafka: stopping broker (pid $pid)"
    stop_pid "$pid"
    log "Kafka: stopped in $(elapsed_since "$started")"
  else
    log "Kafka: no broker started by this script is running"
    if port_open "$KAFKA_HOST" "$KAFKA_PORT"; then
      log "Kafka: note that something else still listens on $KAFKA_HOST:$KAFKA_PORT (left alone)"
    fi
  fi
  rm -f "$KAFKA_PID_FILE"
}

# ------------------------------------------------------------- commands

cmd_up() {
  local started
  started="$(now_ms)"
  take_lock
  ensure_postgres
  ensure_kafka
  log "infrastructure ready in $(elapsed_since "$started")"
}

cmd_down() {
  take_lock
  stop_kafka
  log "PostgreSQL left running (it belongs to the machine)"
}

cmd_status() {
  local ok=0 pid
  if port_open "$KAFKA_HOST" "$KAFKA_PORT"; then
    if pid="$(kafka_pid)"; then
      log "Kafka: up on $KAFKA_HOST:$KAFKA_PORT (pid $pid, started by this script)"
    else
      log "Kafka: up on $KAFKA_HOST:$KAFKA_PORT (not started by this script)"
    fi
  else
    if pid="$(kafka_pid)"; then
      log "Kafka: DOWN: pid $pid is alive but $KAFKA_HOST:$KAFKA_PORT is closed (starting?)"
    else
      log "Kafka: DOWN: nothing listens on $KAFKA_HOST:$KAFKA_PORT"
    fi
    ok=1
  fi
  if pg_up; then
    log "PostgreSQL: up on $PGHOST:$PGPORT"
  else
    log "PostgreSQL: DOWN: not accepting connections on $PGHOST:$PGPORT"
    ok=1
  fi
  return "$ok"
}

cmd_reset_kafka() {
  take_lock
  stop_kafka
  rm -rf "$KAFKA_DATA" "$KAFKA_CLUSTER_ID_FILE"
  log "Kafka: data directory and cluster id deleted; the next 'up' formats afresh"
}

usage() {
  sed -n '2,23p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  reset-kafka) cmd_reset_kafka ;;
  # Used by scripts/kafka-cluster.sh: the cluster runs from the same jars.
  kafka-jars) take_lock; mkdir -p "$KAFKA_DIR" "$KAFKA_LOGS"; ensure_kafka_jars ;;
  cluster-up|cluster-down|cluster-status|cluster-reset) exec bash "$REPO_ROOT/scripts/kafka-cluster.sh" "${1#cluster-}" ;;
  -h|--help|help) usage ;;
  *) usage >&2; exit 2 ;;
esac
