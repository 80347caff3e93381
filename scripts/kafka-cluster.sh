#!/usr/bin/env bash
# A secured three-node Kafka cluster (KRaft, loopback only) from the same Maven-resolved jars
# as the single development broker: the rehearsal of a real deployment. Clients speak
# SASL/SCRAM-SHA-512 over TLS; the controllers only accept the brokers' certificate; every
# topic has three replicas and needs two in sync to take a write; ACLs give each service
# user only its own topics and consumer group (see docs/adr/0025-kafka-cluster-and-security.md).
#
#   scripts/kafka-cluster.sh up          certificates, users, format, start the 3 nodes, then
#                                         create topics and ACLs (needs `npm run build`)
#   scripts/kafka-cluster.sh down        stop the 3 nodes (SIGTERM, controlled shutdown)
#   scripts/kafka-cluster.sh status      one line per node; exit 0 only if all 3 are up
#   scripts/kafka-cluster.sh reset       stop, then delete data, certificates and passwords
#   scripts/kafka-cluster.sh provision   create topics and ACLs again (after a new topic)
#   scripts/kafka-cluster.sh env <user>  print the KAFKA_* variables of a service user
#   scripts/kafka-cluster.sh start|stop|kill <node>   one node (1-3), for fault tests
#
# Environment (all optional):
#   VIGIE_HOME             state directory            (default: <repo>/.vigie)
#   KAFKA_CLUSTER_PORTS    the 3 client ports         (default: those of the last 'up', else
#                          "9094 9096 9098"); each node's controller listens on client port + 1
#   KAFKA_CLUSTER_HEAP     JVM heap options per node  (default: "-Xms256m -Xmx512m")
#
# State under $VIGIE_HOME/kafka-cluster: tls/ (CA and broker certificate), secrets/ (one random
# password per user, mode 600), env/<user>.env (ready-made client settings), node-<n>/.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VIGIE_HOME="${VIGIE_HOME:-$REPO_ROOT/.vigie}"
# shellcheck source=scripts/kafka-config.sh
source "$REPO_ROOT/scripts/kafka-config.sh"
HOST=127.0.0.1
KAFKA_LIBS="$VIGIE_HOME/kafka/libs" # resolved by scripts/infra.sh kafka-jars
STATE="$VIGIE_HOME/kafka-cluster"
# The ports are remembered with the state, so later commands need not repeat them.
PORTS_FILE="$STATE/ports"
if [[ -z "${KAFKA_CLUSTER_PORTS:-}" && -f "$PORTS_FILE" ]]; then KAFKA_CLUSTER_PORTS="$(<"$PORTS_FILE")"; fi
read -r -a PORTS <<<"${KAFKA_CLUSTER_PORTS:-9094 9096 9098}"
(( ${#PORTS[@]} == 3 )) || { echo "[cluster] error: KAFKA_CLUSTER_PORTS needs exactly 3 ports" >&2; exit 2; }
read -r -a HEAP <<<"${KAFKA_CLUSTER_HEAP:--Xms256m -Xmx512m}"
TLS="$STATE/tls"
SECRETS="$STATE/secrets"
ENV_DIR="$STATE/env"
TOOLS_LOG4J="$STATE/tools-log4j.properties"
CLUSTER_ID_FILE="$STATE/cluster.id"
START_DEADLINE_S=120
STOP_DEADLINE_S=40
# The admin is the brokers' own identity between themselves and the tooling's; one user per service.
USERS=(admin partner-registry alert-ingestion prefect-routing notification)

log() { printf '[cluster] %s\n' "$*"; }
die() { printf '[cluster] error: %s\n' "$*" >&2; exit 1; }
port_open() { timeout 2 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null; }

node_dir() { printf '%s/node-%s' "$STATE" "$1"; }
client_port() { printf '%s' "${PORTS[$(( $1 - 1 ))]}"; }
controller_port() { printf '%s' $(( ${PORTS[$(( $1 - 1 ))]} + 1 )); }
check_node() { [[ "$1" =~ ^[123]$ ]] || die "node must be 1, 2 or 3 (got '$1')"; }
brokers_list() { printf '%s:%s,%s:%s,%s:%s' "$HOST" "${PORTS[0]}" "$HOST" "${PORTS[1]}" "$HOST" "${PORTS[2]}"; }

node_pid() { # pid of node $1 if alive and really a broker
  local file pid
  file="$(node_dir "$1")/kafka.pid"
  [[ -f "$file" ]] || return 1
  pid="$(<"$file")"
  [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null && grep -qa 'kafka\.Kafka' "/proc/$pid/cmdline" 2>/dev/null \
    || return 1
  printf '%s\n' "$pid"
}

take_lock() {
  mkdir -p "$STATE"
  exec 9>"$STATE/cluster.lock"
  flock -w 180 9 || die "another scripts/kafka-cluster.sh is still running"
}

password_of() { cat "$SECRETS/$1.password"; }

ensure_secrets() {
  mkdir -p "$SECRETS" "$ENV_DIR"
  chmod 700 "$SECRETS" "$ENV_DIR"
  local user
  for user in "${USERS[@]}"; do
    [[ -s "$SECRETS/$user.password" ]] || (umask 077 && openssl rand -hex 24 >"$SECRETS/$user.password")
    (umask 077 && cat >"$ENV_DIR/$user.env" <<ENV
KAFKA_BROKERS=$(brokers_list)
KAFKA_SSL_CA_FILE=$TLS/ca.crt
KAFKA_SASL_MECHANISM=scram-sha-512
KAFKA_SASL_USERNAME=$user
KAFKA_SASL_PASSWORD=$(password_of "$user")
ENV
    )
  done
  # For Kafka's own command-line tools (--command-config).
  (umask 077 && cat >"$SECRETS/admin.properties" <<PROPS
security.protocol=SASL_SSL
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$(password_of admin)";
ssl.truststore.type=PEM
ssl.truststore.location=$TLS/ca.crt
PROPS
  )
}

write_node_config() { # $1 = node
  local n="$1" dir voters
  dir="$(node_dir "$n")"
  mkdir -p "$dir/data" "$dir/logs"
  voters="1@$HOST:$(controller_port 1),2@$HOST:$(controller_port 2),3@$HOST:$(controller_port 3)"
  (umask 077 && {
    cat <<PROPS
# Generated by scripts/kafka-cluster.sh; rewritten on every 'up'. Holds secrets: mode 600.
# Combined nodes: each process is a broker and one of three controller voters.
process.roles=broker,controller
node.id=$n
controller.quorum.voters=$voters
listeners=CLIENT://$HOST:$(client_port "$n"),CONTROLLER://$HOST:$(controller_port "$n")
advertised.listeners=CLIENT://$HOST:$(client_port "$n")
controller.listener.names=CONTROLLER
inter.broker.listener.name=CLIENT
listener.security.protocol.map=CLIENT:SASL_SSL,CONTROLLER:SSL
log.dirs=$dir/data

# Clients and brokers between themselves: SCRAM-SHA-512 over TLS. The brokers log in as admin,
# whose credentials are written into the metadata log at format time.
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.client.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$(password_of admin)";
# Controllers: mutual TLS, only the broker certificate gets in (SCRAM credentials live in the
# metadata the controllers serve, so they cannot protect the controllers themselves).
listener.name.controller.ssl.client.auth=required
ssl.keystore.type=PKCS12
ssl.keystore.location=$TLS/broker.p12
ssl.keystore.password=$(cat "$TLS/broker.p12.password")
ssl.truststore.type=PEM
ssl.truststore.location=$TLS/ca.crt
ssl.principal.mapping.rules=RULE:^CN=([^,]+).*\$/\$1/,DEFAULT

# Nothing is allowed unless an ACL says so; the admin (tooling, inter-broker) and the broker
# certificate (controller traffic) are super users.
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
allow.everyone.if.no.acl.found=false
super.users=User:admin;User:broker

# Three replicas, two in sync for a write with acks=all: one node may be lost without losing
# an acknowledged event or stopping producers; with two lost, producers wait.
PROPS
    kafka_replication_properties 3 2 6
    echo 'unclean.leader.election.enable=false'
    echo
    kafka_shared_properties
  } >"$dir/server.properties")
  {
    kafka_broker_log4j "$dir/logs/server.log" 2
    echo '# Refused logins and denied operations are worth keeping.'
    echo 'log4j.logger.kafka.authorizer.logger=INFO'
  } >"$dir/log4j.properties"
}

storage_tool() {
  java -XX:TieredStopAtLevel=1 -Dlog4j.configuration="file:$TOOLS_LOG4J" \
    -cp "$KAFKA_LIBS/*" kafka.tools.StorageTool "$@"
}

# Every node's log directory is formatted once with the same cluster id and the SCRAM
# credentials of every user (KRaft bootstraps them into the metadata log).
ensure_formatted() {
  local cluster_id n user
  if [[ -f "$CLUSTER_ID_FILE" ]]; then cluster_id="$(<"$CLUSTER_ID_FILE")"; else cluster_id="$(storage_tool random-uuid)"; fi
  printf '%s\n' "$cluster_id" >"$CLUSTER_ID_FILE"
  local scram=()
  for user in "${USERS[@]}"; do scram+=(--add-scram "SCRAM-SHA-512=[name=$user,password=$(password_of "$user")]"); done
  for n in 1 2 3; do
    [[ -f "$(node_dir "$n")/data/meta.properties" ]] && continue
    log "node $n: formatting (cluster id $cluster_id, ${#USERS[@]} SCRAM users)"
    storage_tool format -t "$cluster_id" -c "$(node_dir "$n")/server.properties" "${scram[@]}" --ignore-formatted >/dev/null
  done
}

start_node() { # $1 = node
  local n="$1" dir pid
  dir="$(node_dir "$n")"
  if pid="$(node_pid "$n")"; then log "node $n: already running (pid $pid)"; return 0; fi
  port_open "$HOST" "$(client_port "$n")" && die "port $(client_port "$n") is already taken by something else"
  [[ -f "$dir/logs/server.log" ]] && mv -f "$dir/logs/server.log" "$dir/logs/server.log.previous"
  setsid nohup java "${HEAP[@]}" -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true \
    -Dlog4j.configuration="file:$dir/log4j.properties" \
    -cp "$KAFKA_LIBS/*" kafka.Kafka "$dir/server.properties" \
    >"$dir/logs/stdout.log" 2>&1 </dev/null 9>&- &
  printf '%s\n' "$!" >"$dir/kafka.pid"
  log "node $n: started (pid $!), client port $(client_port "$n"), controller port $(controller_port "$n")"
}

wait_for_node() { # $1 = node
  local n="$1" dir deadline=$(( $(date +%s) + START_DEADLINE_S ))
  dir="$(node_dir "$n")"
  until grep -q 'Kafka Server started' "$dir/logs/server.log" 2>/dev/null && port_open "$HOST" "$(client_port "$n")"; do
    if ! node_pid "$n" >/dev/null; then tail -n 30 "$dir/logs/server.log" "$dir/logs/stdout.log" >&2 || true; die "node $n exited during startup"; fi
    (( $(date +%s) < deadline )) || { tail -n 30 "$dir/logs/server.log" >&2 || true; die "node $n not ready after ${START_DEADLINE_S}s"; }
    sleep 0.5
  done
  log "node $n: ready on $HOST:$(client_port "$n")"
}

stop_node() { # $1 = node, $2 = signal (TERM by default)
  local n="$1" signal="${2:-TERM}" pid deadline=$(( $(date +%s) + STOP_DEADLINE_S ))
  pid="$(node_pid "$n")" || { log "node $n: not running"; return 0; }
  kill "-$signal" "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do
    if (( $(date +%s) >= deadline )); then log "node $n: still alive after ${STOP_DEADLINE_S}s, SIGKILL"; kill -KILL "$pid" 2>/dev/null || true; fi
    sleep 0.2
  done
  rm -f "$(node_dir "$n")/kafka.pid"
  log "node $n: stopped (SIG$signal)"
}

# Topics (replication factor 3, min.insync.replicas 2) and ACLs, from the TypeScript definitions.
provision() {
  local script="$REPO_ROOT/dist/scripts/kafka-provision.js"
  [[ -f "$script" ]] || die "$script is missing: run 'npm run build', then 'scripts/kafka-cluster.sh provision'"
  local node="$REPO_ROOT/node_modules/.bin/node"
  [[ -x "$node" ]] || node=node
  # A freshly started cluster may not have spread the new topics' metadata to every broker yet
  # ("does not host this topic-partition"); provisioning is idempotent, so it is simply retried.
  local attempt
  for attempt in 1 2 3 4 5; do
    if (set -a && . "$ENV_DIR/admin.env" && set +a && KAFKA_REPLICATION_FACTOR=3 KAFKA_MIN_INSYNC_REPLICAS=2 "$node" "$script"); then
      return 0
    fi
    log "provisioning attempt $attempt failed; retrying in 3 s"
    sleep 3
  done
  die "could not provision topics and ACLs; see the messages above"
}

prepare() {
  command -v java >/dev/null || die "java not found (Java 17 runtime needed)"
  command -v openssl >/dev/null || die "openssl not found"
  bash "$REPO_ROOT/scripts/infra.sh" kafka-jars
  bash "$REPO_ROOT/scripts/kafka-certs.sh" "$TLS"
  kafka_tools_log4j >"$TOOLS_LOG4J"
  ensure_secrets
  printf '%s\n' "${PORTS[*]}" >"$PORTS_FILE"
  local n
  for n in 1 2 3; do write_node_config "$n"; done
  ensure_formatted
}

cmd_up() {
  take_lock
  prepare
  local n
  # The three start together: a controller quorum needs two voters before anything is ready.
  for n in 1 2 3; do start_node "$n"; done
  for n in 1 2 3; do wait_for_node "$n"; done
  provision
  log "cluster ready: KAFKA_BROKERS=$(brokers_list); client settings per user in $ENV_DIR"
}

cmd_down() {
  take_lock
  local n
  # Brokers first, in parallel, while the quorum still stands for their controlled shutdown.
  for n in 3 2 1; do stop_node "$n" & done
  wait
}

cmd_status() {
  local ok=0 n pid
  for n in 1 2 3; do
    if pid="$(node_pid "$n")" && port_open "$HOST" "$(client_port "$n")"; then
      log "node $n: up on $HOST:$(client_port "$n") (pid $pid)"
    else
      log "node $n: DOWN"
      ok=1
    fi
  done
  return "$ok"
}

# The comment block at the top of this file.
usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"; }

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  reset) cmd_down; rm -rf "$STATE"; log "state deleted: $STATE" ;;
  provision) provision ;;
  env) [[ " ${USERS[*]} " == *" ${2:-} "* ]] || die "unknown user '${2:-}' (one of: ${USERS[*]})"; cat "$ENV_DIR/$2.env" ;;
  start) check_node "${2:-}"; take_lock; start_node "$2"; wait_for_node "$2" ;;
  stop) check_node "${2:-}"; stop_node "$2" TERM ;;
  kill) check_node "${2:-}"; stop_node "$2" KILL ;;
  -h|--help|help) usage ;;
  *) usage >&2; exit 2 ;;
esac
