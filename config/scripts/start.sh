#!/usr/bin/env bash
# Start script of exec1: starts the CL/Web server (clweb_serv) on this server.
# Like the reference case's script it branches on CLP_EVENT, CLP_DISK and CLP_SERVER and
# refuses to run outside the cluster.
set -u
case "${CLP_EVENT:-}" in
  START|FAILOVER) ;;
  *) echo "start.sh: CLP_EVENT='${CLP_EVENT:-}': this script runs only from the cluster; refusing" >&2; exit 1 ;;
esac
echo "start.sh: CLP_EVENT=$CLP_EVENT CLP_DISK=${CLP_DISK:-} CLP_SERVER=${CLP_SERVER:-} CLP_GROUPNAME=${CLP_GROUPNAME:-} CLP_RESOURCENAME=${CLP_RESOURCENAME:-} server=${SWITCHBOARD_SERVER_NAME:-}"
if [ "${CLP_DISK:-}" != "SUCCESS" ]; then
  echo "start.sh: the shared disk is not connected (CLP_DISK=${CLP_DISK:-}); not starting clweb_serv" >&2
  exit 1
fi
[ "$CLP_EVENT" = FAILOVER ] && echo "start.sh: starting after a failover"
[ "${CLP_SERVER:-}" = OTHER ] && echo "start.sh: running on a standby server (not the home server)"

install="$SWITCHBOARD_INSTALL_DIR"
address="$SWITCHBOARD_SERVER_ADDRESS"
port="${SWITCHBOARD_FIP_PORT:-18080}"
mkdir -p "$SWITCHBOARD_MOUNT_POINT/config/notes" "$install/run" "$install/logs"
[ -L "$install/config" ] || echo "start.sh: warning: $install/config is not a link to the shared disk" >&2

# A pyenv or virtualenv shim would hide the process name; prefer the system interpreter.
python=/usr/bin/python3
[ -x "$python" ] || python="$(command -v python3)"
cd "$install"
rm -f "$install/run/clweb_serv.ready"
setsid bash -c 'exec -a clweb_serv "$0" "$@"' "$python" "$install/bin/clweb_serv.py" \
  --server "$SWITCHBOARD_SERVER_NAME" --address "$address" --port "$port" --home "$install" \
  >> "$install/logs/clweb_serv.log" 2>&1 < /dev/null &
pid=$!
echo "$pid" > "$install/run/clweb_serv.pid"

# clweb_serv writes its pid to the ready file once it listens.
for _ in $(seq 1 500); do
  if [ "$(cat "$install/run/clweb_serv.ready" 2>/dev/null)" = "$pid" ]; then
    echo "start.sh: clweb_serv (pid $pid) answers on $address:$port"
    exit 0
  fi
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "start.sh: clweb_serv exited during start-up:" >&2
    tail -n 3 "$install/logs/clweb_serv.log" >&2
    exit 1
  fi
  sleep 0.02
done
echo "start.sh: clweb_serv did not listen on $address:$port within 10 s" >&2
exit 1
