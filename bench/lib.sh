# Shared by bench/throughput, bench/ceiling and bench/connections: sourced, not run.
# Starts what a benchmark needs on free ports in 8300-8399, samples CPU and heap, and stops
# only the processes it started (by their PIDs) when the script exits.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HZ="$(getconf CLK_TCK)"
JDK="$("$ROOT/joule" java)"
STARTED_PIDS=()

bench_cleanup() {
  local pid
  for pid in "${STARTED_PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
}
trap bench_cleanup EXIT

die() {
  echo "$(basename "$0"): $*" >&2
  exit 1
}

port_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# A free port from $1 upwards, within 8300-8399.
free_port() {
  local port
  for port in $(seq "$1" 8399); do
    port_free "$port" && { echo "$port"; return; }
  done
  die "no free port in $1-8399"
}

# Waits up to 60 s for $2 to appear in file $3 while process $1 lives.
wait_for_line() {
  local pid="$1" pattern="$2" file="$3"
  for _ in $(seq 1 240); do
    grep -q "$pattern" "$file" 2>/dev/null && return 0
    kill -0 "$pid" 2>/dev/null || die "process $pid exited; see $file"
    sleep 0.25
  done
  die "no '$pattern' in $file within 60 s"
}

# Starts Joule on port $1 with data in $2; extra environment (JOULE_...) is inherited.
# Sets JOULE_PID (the JVM: the launcher execs java) and JOULE_PIDS (with PostgreSQL's postmaster).
start_joule() {
  local port="$1" dir="$2"
  mkdir -p "$dir"
  "$ROOT/joule" run --data-dir "$dir/data" --port "$port" >"$dir/joule.log" 2>&1 &
  JOULE_PID=$!
  STARTED_PIDS+=("$JOULE_PID")
  wait_for_line "$JOULE_PID" "Joule ready" "$dir/joule.log"
  # The embedded PostgreSQL daemonizes (its parent is init, not Joule): count it by its own PID.
  JOULE_PIDS="$JOULE_PID $(head -n 1 "$dir/data/pg/postmaster.pid" 2>/dev/null || true)"
}

stop_joule() {
  kill "$JOULE_PID" 2>/dev/null || true
  wait "$JOULE_PID" 2>/dev/null || true
}

# Starts the ceiling server on port $1, logging to $2. Sets CEILING_PID.
start_ceiling() {
  "$ROOT/joule" bench ceiling-server --port "$1" --event-loops "${CEILING_EVENT_LOOPS:-2}" >"$2" 2>&1 &
  CEILING_PID=$!
  STARTED_PIDS+=("$CEILING_PID")
  wait_for_line "$CEILING_PID" "listening" "$2"
}

# Starts ./joule sim in the background with the given arguments; stdout to $1.out, stderr to
# $1.err, JSON to $1.json. Sets SIM_PID.
start_sim() {
  local base="$1"
  shift
  # SIM_ARGS: more simulator arguments for every run, e.g. "--tls-ca /tmp/ca.pem" (bench/tls).
  # shellcheck disable=SC2086
  "$ROOT/joule" sim "$@" ${SIM_ARGS:-} --out "$base.json" >"$base.out" 2>"$base.err" &
  SIM_PID=$!
  STARTED_PIDS+=("$SIM_PID")
}

# CPU ticks (user + system) of the processes in $1 (PIDs separated by spaces) and all their
# descendants.
tree_ticks() {
  local pids pid total=0
  pids="$(ps -e -o pid=,ppid= | awk -v roots="$1" '
    { parent[$1] = $2 }
    END {
      split(roots, r, " "); for (i in r) tree[r[i]] = 1
      n = 1; while (n) { n = 0; for (p in parent) if (!(p in tree) && (parent[p] in tree)) { tree[p] = 1; n = 1 } }
      for (p in tree) print p
    }')"
  for pid in $pids; do
    [ -r "/proc/$pid/stat" ] || continue
    total=$((total + $(sed 's/^.*) //' "/proc/$pid/stat" | awk '{ print $12 + $13 }')))
  done
  echo "$total"
}

# Cores used between two tick counts over $3 seconds, e.g. "0.42".
cores() {
  awk -v a="$1" -v b="$2" -v s="$3" -v hz="$HZ" 'BEGIN { printf "%.2f", (b - a) / hz / s }'
}

# Heap in use of JVM $1, in KiB (from jcmd GC.heap_info), after a full GC if $2 is "gc".
heap_used_kib() {
  [ "${2:-}" = gc ] && "$JDK/bin/jcmd" "$1" GC.run >/dev/null
  "$JDK/bin/jcmd" "$1" GC.heap_info | sed -n 's/.* used \([0-9]*\)K.*/\1/p' | head -n 1
}

rss_kib() {
  sed -n 's/^VmRSS:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$1/status"
}

# Figures from a simulator JSON result: steady msg/s, p50 and p99 (ms), failures.
sim_rate() { sed -n 's/.*"steady": {"answers": [0-9]*, "msgPerSecond": \([0-9.]*\),.*/\1/p' "$1"; }
sim_p50() { sed -n 's/.*"steady": .*"p50": \([0-9.]*\),.*/\1/p' "$1"; }
sim_p99() { sed -n 's/.*"steady": .*"p99": \([0-9.]*\),.*/\1/p' "$1"; }
sim_failures() {
  sed -n 's/.*"total": {.*"callErrors": \([0-9]*\), "timeouts": \([0-9]*\), "lost": \([0-9]*\), "invalid": \([0-9]*\).*/\1 \2 \3 \4/p' "$1" |
    awk '{ print $1 + $2 + $3 + $4 }'
}

# Writes a test CA and a server certificate for 127.0.0.1 (EC P-256) into $1: ca.pem, server.pem,
# server.key. For benchmarks over TLS only: the CA's key is thrown away.
make_test_certificates() {
  local dir="$1"
  mkdir -p "$dir"
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 \
    -subj "/CN=Joule bench CA" -keyout "$dir/ca.key" -out "$dir/ca.pem" 2>/dev/null
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
    -subj "/CN=127.0.0.1" -keyout "$dir/server.key" -out "$dir/server.csr" 2>/dev/null
  printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\n' >"$dir/ext.cnf"
  openssl x509 -req -in "$dir/server.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca.key" \
    -CAcreateserial -days 2 -extfile "$dir/ext.cnf" -out "$dir/server.pem" 2>/dev/null
  rm -f "$dir/ca.key" "$dir/server.csr"
}

# Runs one simulation of $2 chargers against $1 (ws URL) at rate $3 (0 = closed loop) for the
# steady time $4 after ramp $5, sampling CPU of the processes $6 ("0" = none) over the steady
# phase.
# Sets M_RATE, M_P50, M_P99 (ms), M_FAILURES, M_SERVER_CPU, M_SIM_CPU (cores); files in
# $WORK/sim-<n>.*.
RUN_NO=0
measure() {
  local url="$1" chargers="$2" rate="$3" steady="$4" ramp="$5" server="$6" base t0 t1 s0 s1 st
  RUN_NO=$((RUN_NO + 1))
  base="$WORK/sim-$RUN_NO"
  start_sim "$base" --url "$url" --chargers "$chargers" --ramp "${ramp}s" --duration "${steady}s" --rate "$rate"
  sleep $((ramp + 2))
  t0=0; t1=0
  [ "$server" = 0 ] || t0=$(tree_ticks "$server")
  s0=$(tree_ticks "$SIM_PID")
  st=$((steady - 3))
  sleep "$st"
  [ "$server" = 0 ] || t1=$(tree_ticks "$server")
  s1=$(tree_ticks "$SIM_PID")
  wait "$SIM_PID" || true
  [ -s "$base.json" ] || die "the simulator wrote no result; see $base.err"
  M_RATE=$(sim_rate "$base.json")
  M_P50=$(sim_p50 "$base.json")
  M_P99=$(sim_p99 "$base.json")
  M_FAILURES=$(sim_failures "$base.json")
  M_SERVER_CPU=$(cores "$t0" "$t1" "$st")
  M_SIM_CPU=$(cores "$s0" "$s1" "$st")
}
