#!/usr/bin/env bash
# down.sh -- stop the Switchboard Pacemaker lab and remove what up.sh made: the forwarder, every
# node's Pacemaker and Corosync, the holders, every process left in the lab's namespaces, the
# namespaces themselves (with the veths and the bridge), stray mounts and loop devices.
#
#   lab/pacemaker/down.sh [--purge]     (env: SBPCMK_STATE_DIR)
#
# Works after an aborted run too (processes killed with -9, namespaces left behind, stale
# pidfiles): a PID is signalled only after /proc says it still is the process we started.
# Idempotent and quiet when there is nothing to do. The state directory (logs) is kept for
# post-mortems; --purge removes it as well. up.sh runs this first.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"
purge=
case ${1:-} in
  --purge) purge=1 ;;
  "") ;;
  *) echo "usage: $0 [--purge]" >&2; exit 2 ;;
esac
(( EUID == 0 )) || { echo "down.sh: must run as root" >&2; exit 1; }

did=   # set once something was found; down.sh prints only then
say() { did=1; printf 'down.sh: %-44s %6s s\n' "$1" "$(elapsed)"; }

# wait_gone PID SECONDS: until the process has exited (a zombie counts as exited).
wait_gone() {
  local i
  for (( i = 0; i < $2 * 20; i++ )); do alive "$1" || return 0; sleep 0.05; done
  return 1
}
# terminate PID SECONDS: TERM, wait, KILL if it ignored TERM.
terminate() {
  kill -TERM "$1" 2>/dev/null || return 0
  wait_gone "$1" "$2" && return 0
  echo "down.sh: pid $1 ($(comm_of "$1")) ignored TERM for $2 s; killing it" >&2
  kill -KILL "$1" 2>/dev/null || true
  wait_gone "$1" 5 || true
}
# our_daemon NODE NAME COMM: prints the PID in the node's NAME.pid if it still is COMM in that
# node's network namespace (not a PID reused after an aborted run).
our_daemon() {
  local p
  p=$(cat "$STATE/$1/$2.pid" 2>/dev/null) || return 1
  [[ $p =~ ^[0-9]+$ ]] && alive "$p" && [[ $(comm_of "$p") == "$3" ]] && in_netns "$p" "$(node_ns "$1")" || return 1
  echo "$p"
}
# stop_daemon NODE NAME SECONDS COMM: TERM the node's daemon (if it is ours), wait, KILL.
stop_daemon() {
  local p
  if p=$(our_daemon "$1" "$2" "$4"); then
    say "stopping $2 of $1 (pid $p)"
    terminate "$p" "$3"
  fi
  rm -f "$STATE/$1/$2.pid"
}
# lab_netns: the lab's network namespaces that exist now (any sbpcmk-* name, so a renamed
# or half-created one is cleaned as well).
lab_netns() { ip netns list 2>/dev/null | awk '$1 ~ /^sbpcmk-/ { print $1 }'; }

# ------------------------------------------------------------------ forwarder
f=$STATE/forwarder.pid
if [[ -e $f ]]; then
  p=$(cat "$f" 2>/dev/null || true)
  if [[ $p =~ ^[0-9]+$ ]] && alive "$p" && [[ $(comm_of "$p") == socat ]] \
     && [[ $(cmdline_of "$p") == *"TCP-LISTEN:"*"EXEC:ip netns exec $NS_CLIENT "* ]]; then
    say "stopping the forwarder (pid $p)"
    terminate "$p" 5
  fi
  rm -f "$f"
fi
# A forwarder whose pidfile was lost: a socat in this namespace forwarding into our client
# namespace (its per-connection children live in that namespace and go with it below).
for d in /proc/[0-9]*; do
  p=${d#/proc/}
  read -r c 2>/dev/null < "$d/comm" || continue   # read, not $(cat): no fork per process
  [[ $c == socat ]] || continue
  [[ $(cmdline_of "$p") == *"EXEC:ip netns exec $NS_CLIENT socat "* ]] || continue
  alive "$p" || continue
  say "stopping a leftover forwarder (pid $p)"
  terminate "$p" 5
done

# ------------------------------------------------------------------ Pacemaker, Corosync
# Stop the group once, cluster-wide, before the daemons: otherwise the node that stops first
# hands the group to the other one just before that one stops too.
# Polled here every 0.1 s: crm_resource --wait only looks every 2 s.
all_stopped() {
  local v
  v=$(cluster_view "$1") || return 0   # Pacemaker gone: nothing left to wait for
  [[ $v != *=Started@* && $v != *=Starting@* && $v != *=Stopping@* ]]
}
for node in "${LAB_NODES[@]}"; do
  holder_pid "$node" >/dev/null || continue
  our_daemon "$node" pacemakerd tini >/dev/null || continue
  if in_node "$node" crm_attribute -t crm_config -n stop-all-resources -v true >/dev/null 2>&1; then
    say "stopping all resources (from $node)"
    for (( i = 0; i < 200; i++ )); do all_stopped "$node" && break; sleep 0.1; done
    break
  fi
done
# pacemakerd.pid is tini's PID: tini forwards TERM to pacemakerd and exits with it.
for node in "${LAB_NODES[@]}"; do stop_daemon "$node" pacemakerd 30 tini & done
wait || true
for node in "${LAB_NODES[@]}"; do stop_daemon "$node" corosync 10 corosync & done
wait || true
# whether the background jobs printed anything is not visible here: look at the namespaces
[[ -n $(lab_netns) ]] && did=1

# ------------------------------------------------------------------ the nodes
for node in "${LAB_NODES[@]}"; do
  if h=$(holder_pid "$node"); then
    # Whatever Pacemaker left (only if it was killed): kill it, then unmount the shared disk
    # cleanly while the node's mount namespace still exists.
    for p in $(ip netns pids "$(node_ns "$node")" 2>/dev/null); do
      [[ $p == "$h" ]] && continue
      kill -KILL "$p" 2>/dev/null || true
    done
    in_node "$node" sh -c "mountpoint -q $MOUNT_POINT && umount $MOUNT_POINT" >/dev/null 2>&1 || true
    say "stopping the holder of $node (pid $h)"
    terminate "$h" 5
  fi
  rm -f "$STATE/$node/holder.pid" "$STATE/$node/pacemakerd.pid" "$STATE/$node/corosync.pid"
done

# ------------------------------------------------------------------ namespaces
# Anything still in a lab namespace is a leftover (an aborted run, a forwarded connection):
# kill it, then delete the namespaces, which removes the veths and the bridge.
for ns in $(lab_netns); do
  mapfile -t pids < <(ip netns pids "$ns" 2>/dev/null || true)
  if (( ${#pids[@]} > 0 )); then
    say "killing leftovers in $ns: ${pids[*]}"
    kill -KILL "${pids[@]}" 2>/dev/null || true
    for p in "${pids[@]}"; do wait_gone "$p" 5 || true; done
  fi
done
for ns in $(lab_netns); do
  say "deleting netns $ns"
  ip netns del "$ns" || echo "down.sh: could not delete netns $ns" >&2
done

# ------------------------------------------------------------------ mounts, loop devices
# The lab mounts nothing in this namespace; this only catches mounts made by hand.
for m in $(findmnt -rn -o TARGET 2>/dev/null | sort -r); do
  [[ $m == "$STATE"/* ]] || continue
  say "unmounting $m"
  umount -l "$m" || true
done
# The loop device of the shared disk goes away on its own (autoclear) once the mount does;
# detach one that a killed node left attached.
if [[ -e $STATE/disk.img ]]; then
  detached=
  for (( i = 0; i < 40; i++ )); do
    loops=$(losetup -n -O NAME -j "$STATE/disk.img" 2>/dev/null || true)
    [[ -z $loops ]] && break
    for l in $loops; do losetup -d "$l" 2>/dev/null && detached+=" $l"; done
    sleep 0.05
  done
  [[ -n $detached ]] && say "detached loop devices$detached"
  [[ -z $loops ]] || echo "down.sh: loop device still attached to $STATE/disk.img (still mounted somewhere?)" >&2
fi

# ------------------------------------------------------------------ state
rm -f "$STATE/forwarder.pid"
if [[ -n $purge && -e $STATE_MARKER ]]; then
  if findmnt -rn -o TARGET | grep -qF "$STATE/"; then
    echo "down.sh: not purging $STATE: something is still mounted under it" >&2
    exit 1
  fi
  rm -rf "${STATE:?}"
  say "removed $STATE"
fi
[[ -n $did ]] && say "lab down"
exit 0
