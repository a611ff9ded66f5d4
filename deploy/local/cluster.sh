#!/usr/bin/env bash
# A scale-out Joule on one machine: NATS with JetStream, one gateway+api+supervisor node (g1) and
# two processor nodes (p1, p2) on a PostgreSQL server. Stops only the processes it started.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

usage() {
  cat <<'TXT'
Usage: deploy/local/cluster.sh start|status|stop [--no-build]

  start     build once (unless --no-build), start NATS (unless JOULE_NATS_URL is set), then
            g1 (gateway,api,supervisor) and the processors p1 and p2; waits for "Joule ready"
  status    each process: pid, alive or not, and its /health/ready answer
  stop      stops the processes start recorded (by pid), processors first

Environment (defaults in brackets):
  JOULE_DB_URL       PostgreSQL for every node [jdbc:postgresql://127.0.0.1:5432/joule?user=postgres]
  JOULE_NATS_URL     an existing NATS with JetStream [unset: start nats-server on CLUSTER_NATS_PORT]
  JOULE_CLUSTER      cluster name, the prefix of streams and subjects [joule]
  JOULE_JAVA_OPTS    JVM options of every node [-Xmx256m]
  CLUSTER_STATE_DIR  pids, ports and logs [./data/cluster]
  CLUSTER_G1_PORT, CLUSTER_P1_PORT, CLUSTER_P2_PORT  [8180, 8181, 8182]
  CLUSTER_NATS_PORT  [4322]
  CLUSTER_START_TIMEOUT  seconds to wait for each node's "Joule ready" [90]
Other JOULE_* variables (docs/configuration.md) reach every node.
TXT
}

STATE="${CLUSTER_STATE_DIR:-./data/cluster}"
DB_URL="${JOULE_DB_URL:-jdbc:postgresql://127.0.0.1:5432/joule?user=postgres}"
CLUSTER="${JOULE_CLUSTER:-joule}"
JAVA_OPTS="${JOULE_JAVA_OPTS:--Xmx256m}"
NATS_PORT="${CLUSTER_NATS_PORT:-4322}"
START_TIMEOUT="${CLUSTER_START_TIMEOUT:-90}"
NODES=(g1 p1 p2)
declare -A ROLES=([g1]=gateway,api,supervisor [p1]=processor [p2]=processor)
declare -A PORTS=([g1]="${CLUSTER_G1_PORT:-8180}" [p1]="${CLUSTER_P1_PORT:-8181}" [p2]="${CLUSTER_P2_PORT:-8182}")

die() {
  echo "cluster.sh: $*" >&2
  exit 1
}

port_taken() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# The pid recorded for $1 when that process still runs and is the one start launched (a pid can be
# reused by an unrelated process after a reboot: its command line must still name what we ran).
live_pid() {
  local name="$1" pid expect cmdline
  [ -f "$STATE/$name.pid" ] || return 1
  pid="$(cat "$STATE/$name.pid")"
  kill -0 "$pid" 2>/dev/null || return 1
  cmdline="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" || return 1
  # cluster.sh: the forked child before its exec; empty: in the middle of an exec
  [ "$name" = nats ] && expect='nats-server|cluster\.sh' || expect='joule|cluster\.sh'
  [ -z "$cmdline" ] || [[ "$cmdline" =~ $expect ]] || return 1
  echo "$pid"
}

# Creates the database of JOULE_DB_URL when psql is there and it is missing.
ensure_database() {
  local libpq="${DB_URL#jdbc:}" address db
  address="${libpq%%\?*}"
  db="${address##*/}"
  if ! command -v psql >/dev/null; then
    echo "cluster.sh: psql not found: make sure database '$db' exists (createdb $db on the server of $DB_URL)" >&2
    return 0
  fi
  local admin="${address%/*}/postgres${libpq#"$address"}"
  local found
  found="$(psql "$admin" -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'" 2>&1)" ||
    die "cannot reach PostgreSQL at ${DB_URL%%\?*} with psql: ${found//$'\n'/ }"
  if [ "$found" != 1 ]; then
    psql "$admin" -qc "CREATE DATABASE \"$db\"" >/dev/null || die "could not create database '$db'"
    echo "created database $db"
  fi
}

start_nats() {
  if [ -n "${JOULE_NATS_URL:-}" ]; then
    NATS_URL="$JOULE_NATS_URL"
    rm -f "$STATE/nats.pid" # from an earlier start with its own NATS
    return 0
  fi
  local server
  server="$(command -v nats-server || true)"
  [ -n "$server" ] || [ ! -x /usr/sbin/nats-server ] || server=/usr/sbin/nats-server
  [ -n "$server" ] || die "nats-server not found (apt-get install nats-server), or set JOULE_NATS_URL to a NATS with JetStream"
  mkdir -p "$STATE/nats"
  : >"$STATE/nats.log"
  nohup "$server" -js -a 127.0.0.1 -p "$NATS_PORT" -sd "$STATE/nats" >"$STATE/nats.log" 2>&1 </dev/null &
  echo $! >"$STATE/nats.pid"
  NATS_URL="nats://127.0.0.1:$NATS_PORT"
  local deadline=$((SECONDS + 10))
  until grep -q "Server is ready" "$STATE/nats.log"; do
    live_pid nats >/dev/null || die "nats-server exited: $(tail -n 3 "$STATE/nats.log" | tr '\n' ' ')"
    [ $SECONDS -lt $deadline ] || die "nats-server not ready after 10 s (see $STATE/nats.log)"
    sleep 0.2
  done
  echo "nats  pid $(cat "$STATE/nats.pid")  $NATS_URL"
}

launch() {
  local node="$1"
  mkdir -p "$STATE/$node"
  : >"$STATE/$node.log"
  echo "${PORTS[$node]}" >"$STATE/$node.port"
  (
    cd "$ROOT"
    # Two processors share this machine's cores: 2 workers each (docs/scale-out.md, sizing).
    [ "${ROLES[$node]}" != processor ] || export JOULE_WORKERS="${JOULE_WORKERS:-2}"
    JOULE_NO_BUILD=1 JOULE_JAVA_OPTS="$JAVA_OPTS" JOULE_ROLES="${ROLES[$node]}" JOULE_NODE_ID="$node" \
      JOULE_NATS_URL="$NATS_URL" JOULE_DB_URL="$DB_URL" JOULE_CLUSTER="$CLUSTER" \
      JOULE_DATA_DIR="$STATE/$node" \
      exec nohup ./joule run --port "${PORTS[$node]}" >"$STATE/$node.log" 2>&1 </dev/null
  ) &
  echo $! >"$STATE/$node.pid"
}

await_ready() {
  local node="$1" deadline=$((SECONDS + START_TIMEOUT))
  until grep -q "Joule ready" "$STATE/$node.log" 2>/dev/null; do
    if ! live_pid "$node" >/dev/null; then
      echo "cluster.sh: $node exited before it was ready; the end of $STATE/$node.log:" >&2
      tail -n 5 "$STATE/$node.log" >&2 || true
      stop_all >/dev/null
      exit 1
    fi
    if [ $SECONDS -ge $deadline ]; then
      echo "cluster.sh: $node not ready after $START_TIMEOUT s (see $STATE/$node.log); stopping" >&2
      stop_all >/dev/null
      exit 1
    fi
    sleep 0.5
  done
  echo "$node    pid $(cat "$STATE/$node.pid")  port ${PORTS[$node]}  roles ${ROLES[$node]}"
}

start() {
  local build="$1" name
  for name in nats "${NODES[@]}"; do
    if live_pid "$name" >/dev/null; then
      die "already running ($name, pid $(cat "$STATE/$name.pid")): cluster.sh status, or cluster.sh stop"
    fi
  done
  for name in "${NODES[@]}"; do
    if port_taken "${PORTS[$name]}"; then
      die "port ${PORTS[$name]} for $name is taken: set CLUSTER_${name^^}_PORT to a free port"
    fi
  done
  if [ -z "${JOULE_NATS_URL:-}" ] && port_taken "$NATS_PORT"; then
    die "port $NATS_PORT for NATS is taken: set CLUSTER_NATS_PORT, or JOULE_NATS_URL to use that NATS"
  fi
  if [ "$build" = yes ]; then
    (cd "$ROOT" && ./joule build) || die "build failed"
  fi
  [ -f "$ROOT/server/target/joule-server.jar" ] || die "no build in $ROOT/server/target: run without --no-build, or ./joule build"
  ensure_database
  mkdir -p "$STATE"
  STATE="$(cd "$STATE" && pwd)"
  start_nats
  launch g1
  await_ready g1 # g1 creates the schema; the processors start after it
  launch p1
  launch p2
  await_ready p1
  await_ready p2
  echo "chargers: ws://127.0.0.1:${PORTS[g1]}/ocpp/<chargePointId>   logs: $STATE"
}

status() {
  local name pid answer all=0
  [ -f "$STATE/g1.pid" ] || {
    echo "not running (no pids in $STATE)"
    return 1
  }
  for name in nats "${NODES[@]}"; do
    [ -f "$STATE/$name.pid" ] || continue
    if pid="$(live_pid "$name")"; then
      if [ "$name" = nats ]; then
        echo "nats  pid $pid  alive"
        continue
      fi
      answer="$(curl -s -m 2 -w ' (%{http_code})' "http://127.0.0.1:$(cat "$STATE/$name.port")/health/ready" || echo "no answer")"
      echo "$name    pid $pid  alive  port $(cat "$STATE/$name.port")  ready: $answer"
    else
      echo "$name    pid $(cat "$STATE/$name.pid")  not running (see $STATE/$name.log)"
      all=1
    fi
  done
  return $all
}

# Stops one recorded process: TERM, then KILL after 30 s.
stop_one() {
  local name="$1" pid
  if pid="$(live_pid "$name")"; then
    kill -TERM "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + 30))
    while kill -0 "$pid" 2>/dev/null; do
      if [ $SECONDS -ge $deadline ]; then
        kill -KILL "$pid" 2>/dev/null || true
        echo "$name pid $pid did not stop in 30 s: killed"
        rm -f "$STATE/$name.pid"
        return 0
      fi
      sleep 0.2
    done
    echo "$name pid $pid stopped"
  fi
  rm -f "$STATE/$name.pid"
}

stop_all() {
  local pids=() name
  for name in p1 p2; do
    stop_one "$name" &
    pids+=($!)
  done
  wait "${pids[@]}"
  stop_one g1
  stop_one nats
}

command="${1:-}"
[ $# -gt 0 ] && shift
build=yes
for arg in "$@"; do
  case "$arg" in
    --no-build) build=no ;;
    *) die "unknown option '$arg' (cluster.sh --help)" ;;
  esac
done
case "$command" in
  start) start "$build" ;;
  status) status ;;
  stop) stop_all ;;
  -h | --help | help) usage ;;
  *)
    usage >&2
    exit 2
    ;;
esac
