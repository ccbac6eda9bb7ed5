# Sourced by .ci/run: the demo as the README runs it (`mvn spring-boot:run` from this checkout),
# in the background, and the checks that it answers. Only this checkout's demo is ever stopped:
# its Maven run by its own process group, its application by the environment marker the
# embedded engine gives every process of the cluster in ./data.

DEMO_LOG="${DEMO_LOG:-$(mktemp -t switchboard-demo.XXXXXX.log)}"
DEMO_PGID=""
DEMO_FIP="http://127.0.0.13:18080"
DEMO_HEALTH="http://localhost:8080/actuator/health"

demo_healthy() {
  curl -fsS --max-time 3 "$DEMO_HEALTH" 2>/dev/null | grep -q '"status":"UP"'
}

demo_on_srv1() {
  curl -fsS --max-time 3 "$DEMO_FIP/" 2>/dev/null | grep -q '^CL/Web on srv1,'
}

# srv1's own address: the application answers there even with no Switchboard in front of it
demo_application_answers() {
  curl -fsS --max-time 3 "http://127.0.0.11:18080/" 2>/dev/null | grep -q '^CL/Web on srv1,'
}

# The demo application's /status at the floating address: which server and which process answer.
demo_status() {
  curl -fsS --max-time 3 "$DEMO_FIP/status"
}

# wait_until SECONDS WHAT COMMAND...
wait_until() {
  local seconds="$1" what="$2" deadline
  shift 2
  deadline=$((SECONDS + seconds))
  until "$@"; do
    if (( SECONDS >= deadline )); then
      echo "ci: $what not within $seconds s; the demo's log ($DEMO_LOG) ends:" >&2
      tail -n 40 "$DEMO_LOG" >&2
      return 1
    fi
    sleep 1
  done
}

demo_start() {
  echo "ci: mvn spring-boot:run (log: $DEMO_LOG)"
  # its own process group (setsid), so that stopping it reaches its forked JVM and nothing else
  setsid mvn -B spring-boot:run >>"$DEMO_LOG" 2>&1 </dev/null &
  DEMO_PGID=$!
  wait_until 300 "the dashboard's health UP at $DEMO_HEALTH" demo_healthy
  wait_until 60 "the demo application answering from srv1 at $DEMO_FIP" demo_on_srv1
  echo "ci: demo up after $SECONDS s of this run"
}

# As a user's Ctrl-C (here TERM) would: the Maven run and the Switchboard it forked.
demo_stop() {
  [[ -n "$DEMO_PGID" ]] || return 0
  kill -TERM -- "-$DEMO_PGID" 2>/dev/null || true
  local deadline=$((SECONDS + 60))
  while kill -0 -- "-$DEMO_PGID" 2>/dev/null && (( SECONDS < deadline )); do
    sleep 1
  done
  kill -KILL -- "-$DEMO_PGID" 2>/dev/null || true
  DEMO_PGID=""
  echo "ci: demo stopped"
}

# The processes the demo's cluster started (they outlive Switchboard by design), by their marker.
demo_application_pids() {
  local marker="SWITCHBOARD_CLUSTER=$(pwd -P)/data" environ pid
  for environ in /proc/[0-9]*/environ; do
    pid="${environ#/proc/}"
    pid="${pid%/environ}"
    if grep -qzxF "$marker" "$environ" 2>/dev/null; then
      echo "$pid"
    fi
  done
}

demo_stop_application() {
  local pids
  pids="$(demo_application_pids)"
  [[ -n "$pids" ]] || return 0
  # shellcheck disable=SC2086 # one pid per word
  kill -TERM $pids 2>/dev/null || true
  echo "ci: stopped the demo's application (pids $(echo $pids))"
}
