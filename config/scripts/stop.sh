#!/usr/bin/env bash
# Stop script of exec1: stops the CL/Web server on this server. Succeeds when it is already gone.
set -u
case "${CLP_EVENT:-}" in
  START|FAILOVER) ;;
  *) echo "stop.sh: CLP_EVENT='${CLP_EVENT:-}': this script runs only from the cluster; refusing" >&2; exit 1 ;;
esac
echo "stop.sh: CLP_EVENT=$CLP_EVENT CLP_FACTOR=${CLP_FACTOR:-} CLP_DISK=${CLP_DISK:-} server=${SWITCHBOARD_SERVER_NAME:-}"
pidfile="$SWITCHBOARD_INSTALL_DIR/run/clweb_serv.pid"
[ -f "$pidfile" ] || { echo "stop.sh: no pid file; clweb_serv is not running"; exit 0; }
pid="$(cat "$pidfile")"

# Running = exists and is not a zombie waiting for its (re-)parent to collect it.
running() { [ -r "/proc/$1/stat" ] && [ "$(sed -E 's/^.*\) (.).*/\1/' "/proc/$1/stat" 2>/dev/null)" != Z ]; }

if running "$pid" && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q '^clweb_serv'; then
  kill -TERM "$pid"
  for _ in $(seq 1 250); do
    running "$pid" || break
    sleep 0.02
  done
  if running "$pid"; then
    echo "stop.sh: clweb_serv (pid $pid) ignored TERM for 5 s; killing it"
    kill -KILL "$pid"
  fi
  echo "stop.sh: clweb_serv (pid $pid) stopped"
else
  echo "stop.sh: clweb_serv (pid $pid) was not running"
fi
rm -f "$pidfile"
exit 0
