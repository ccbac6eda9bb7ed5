#!/usr/bin/env bash
# Start time of Switchboard on the embedded demo: java -jar → /actuator/health UP, median of
# RUNS first starts (empty data directory: database created, group started) and RUNS restarts
# (same data directory, the application still running and adopted), then the RSS after start and
# the idle CPU over 60 s. README "Benchmarks" / docs/benchmarks.md "Start time" quote it.
#
#   src/test/benchmark/start-time.sh [<switchboard.jar>]
#   START_MODE=cds|plain START_RUNS=5 IDLE_SECONDS=60 START_PORT=18790 START_APP_PORT=18780
#   START_LOG_DIR=<dir>   keeps each start's log there (to read where the time went)
#   START_JAVA_OPTS="..." adds JVM options to every start, the training start too (to compare them)
#
# START_MODE=cds (the default) starts it as the packaged launcher (src/dist/switchboard) and the
# Dockerfile do: the jar extracted (java -Djarmode=tools -jar switchboard.jar extract) and a
# class-data archive of it, written at the end of one training start (-XX:ArchiveClassesAtExit),
# then used by every measured start (-XX:SharedArchiveFile), with only the C1 compiler
# (-XX:TieredStopAtLevel=1; START_JAVA_OPTS=-XX:TieredStopAtLevel=4 measures it with C2 again).
# START_MODE=plain: java -jar of the jar as built, as before.
#
# It runs beside the demo and the tests without touching them: its own dashboard port, its own
# cluster on 127.0.5.11-13, its own data directories under a temporary directory, and it stops
# only what it started (its JVM by pid, the application by the embedded engine's marker).
set -euo pipefail
cd "$(dirname "$0")/../../.."

jar="${1:-$(ls target/switchboard-*.jar | grep -v original | head -1)}"
MODE="${START_MODE:-cds}"
RUNS="${START_RUNS:-5}"
IDLE_SECONDS="${IDLE_SECONDS:-60}"
PORT="${START_PORT:-18790}"
APP_PORT="${START_APP_PORT:-18780}"
HEALTH="http://127.0.0.1:$PORT/actuator/health"

fail() { echo "start-time: FAILED: $*" >&2; exit 1; }
[[ -f "$jar" ]] || fail "no jar at '$jar'; build it with mvn package -DskipTests"
if ss -ltn | awk '{print $4}' | grep -qE "[:.]$PORT\$|127\.0\.5\.1[123]:$APP_PORT\$"; then
  fail "port $PORT or 127.0.5.11-13:$APP_PORT is taken; set START_PORT / START_APP_PORT"
fi
[[ "$MODE" == cds || "$MODE" == plain ]] || fail "START_MODE is '$MODE'; use cds or plain"
jvm_options=()
read -r -a extra_options <<<"${START_JAVA_OPTS:-}"   # options to compare, added to every start

work="$(mktemp -d -t switchboard-start-time.XXXXXX)"
cp -r config "$work/config"
sed -i -e 's/127\.0\.0\.1\([123]\)/127.0.5.1\1/g' -e "s/18080/$APP_PORT/g" "$work/config/cluster.yml"
java_pid=""

application_pids() {   # the cluster's processes of one data directory, by the engine's marker
  local environ pid
  for environ in /proc/[0-9]*/environ; do
    pid="${environ#/proc/}"; pid="${pid%/environ}"
    if grep -qzxF "SWITCHBOARD_CLUSTER=$1" "$environ" 2>/dev/null; then echo "$pid"; fi
  done
}
stop_java() {   # [seconds to wait before kill -9; the training start writes its archive then]
  [[ -n "$java_pid" ]] || return 0
  kill -TERM "$java_pid" 2>/dev/null || true
  for _ in $(seq $((${1:-20} * 5))); do kill -0 "$java_pid" 2>/dev/null || break; sleep 0.2; done
  kill -KILL "$java_pid" 2>/dev/null || true
  wait "$java_pid" 2>/dev/null || true
  java_pid=""
}
stop_application() {
  local pids; pids="$(application_pids "$1")"
  # shellcheck disable=SC2086
  [[ -z "$pids" ]] || kill -TERM $pids 2>/dev/null || true
}
cleanup() {
  stop_java
  # (if, not &&: a failed test as the loop's last command would end the cleanup under set -e)
  for data in "$work"/data-*; do if [[ -d "$data" ]]; then stop_application "$(cd "$data" && pwd)"; fi; done
  if [[ -n "${START_LOG_DIR:-}" ]]; then mkdir -p "$START_LOG_DIR" && cp "$work"/data-*.log "$START_LOG_DIR/" || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# Starts Switchboard on a data directory; sets java_pid, seconds to the time from exec to health
# UP and cpu to the CPU time the JVM used until then (no command substitution: the JVM must stay
# this shell's child). On a busy machine the CPU time varies less than the time.
start() {
  local data="$1" began now
  began=$(date +%s%N)
  java "${jvm_options[@]}" "${extra_options[@]}" -jar "$jar" --server.port="$PORT" --switchboard.data-dir="$data" \
    --switchboard.cluster.location="$work/config/cluster.yml" >>"$data.log" 2>&1 &
  java_pid=$!
  until curl -fsS --max-time 1 "$HEALTH" 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 "$java_pid" 2>/dev/null || fail "Switchboard exited; see its log: $(tail -5 "$data.log")"
    (( ($(date +%s%N) - began) < 120000000000 )) || fail "not healthy after 120 s"
    sleep 0.05
  done
  now=$(date +%s%N)
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); split($0, f, " "); printf "%.1f", (f[12] + f[13]) / hz }' "/proc/$java_pid/stat")
  seconds=$(awk -v ns=$((now - began)) 'BEGIN { printf "%.2f", ns / 1e9 }')
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

if [[ "$MODE" == cds ]]; then
  java -Djarmode=tools -jar "$jar" extract --destination "$work/app" >/dev/null
  jar="$(ls "$work"/app/switchboard-*.jar)"
  data="$work/data-training"; mkdir -p "$data"
  jvm_options=(-XX:ArchiveClassesAtExit="$work/switchboard.jsa" -Xlog:cds*=off -XX:TieredStopAtLevel=1)
  start "$data"; stop_java 300; stop_application "$data"
  [[ -f "$work/switchboard.jsa" ]] || fail "the training start wrote no class-data archive; see $data.log"
  echo "start-time: training start ${seconds} s, archive $(du -m "$work/switchboard.jsa" | cut -f1) MB" >&2
  jvm_options=(-XX:SharedArchiveFile="$work/switchboard.jsa" -Xlog:cds*=off -XX:TieredStopAtLevel=1)
fi

first=() restart=() first_cpu=() restart_cpu=()
for i in $(seq "$RUNS"); do
  data="$work/data-$i"; mkdir -p "$data"; data="$(cd "$data" && pwd)"
  start "$data"; first+=("$seconds"); first_cpu+=("$cpu")
  stop_java
  start "$data"; restart+=("$seconds"); restart_cpu+=("$cpu")
  if (( i < RUNS )); then stop_java; stop_application "$data"; fi
  echo "start-time: run $i: first start ${first[-1]} s (CPU ${first_cpu[-1]} s), restart ${restart[-1]} s (CPU ${restart_cpu[-1]} s)" >&2
done
# the last restart stays up: its memory and its idle CPU
sleep 10
rss_kb=$(awk '/^VmRSS:/ { print $2 }' "/proc/$java_pid/status")
ticks() { awk '{ sub(/^.*\) /, ""); split($0, f, " "); print f[12] + f[13] }' "/proc/$java_pid/stat"; }
before=$(ticks); sleep "$IDLE_SECONDS"; after=$(ticks)
hz=$(getconf CLK_TCK)

echo "jar:             $jar"
echo "mode:            $MODE; JVM options: ${jvm_options[*]:-(none)} ${extra_options[*]:-}"
echo "machine:         $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo), $(java -version 2>&1 | head -1)"
echo "date:            $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "first start:     median $(printf '%s\n' "${first[@]}" | median) s   (${first[*]})"
echo "restart:         median $(printf '%s\n' "${restart[@]}" | median) s   (${restart[*]})"
echo "CPU time to UP:  first start median $(printf '%s\n' "${first_cpu[@]}" | median) s, restart median $(printf '%s\n' "${restart_cpu[@]}" | median) s"
echo "RSS after start: $((rss_kb / 1024)) MB"
awk -v t=$((after - before)) -v hz="$hz" -v s="$IDLE_SECONDS" \
  'BEGIN { printf "idle CPU:        %.2f %% of one core over %d s\n", t / hz / s * 100, s }'
