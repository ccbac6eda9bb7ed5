#!/usr/bin/env bash
# rejoin.sh -- bring a lab node whose cluster stack is down (fenced by fence.sh or by the cluster,
# or killed) back into the Pacemaker lab: it boots the node again the way the fence agent's
# reboot does (network up, leftovers of the old stack gone), starts its Corosync and Pacemaker as
# up.sh does, and returns once the node is online and runs its instances of the clones.
#
#   lab/pacemaker/rejoin.sh <srv1|srv2|srv3>      (env: SBPCMK_TIMEOUT=60)
#
# Where the other resources run afterwards is Pacemaker's choice: with resource-stickiness 100,
# what moved away during the fencing stays where it went (no failback). A node whose stack runs
# is left alone (exit 0). Exit 0 back, 1 it did not come back in time (or half a stack runs:
# use up.sh), 2 usage, 125 the lab node does not exist (start the lab with up.sh).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"
(( $# == 1 )) && is_node "$1" || { echo "usage: $0 <$(IFS='|'; echo "${LAB_NODES[*]}")>" >&2; exit 2; }
node=$1
(( EUID == 0 )) || { echo "rejoin.sh: must run as root" >&2; exit 1; }
TIMEOUT=${SBPCMK_TIMEOUT:-60}
holder_pid "$node" >/dev/null || {
  echo "rejoin.sh: could not connect to $node: the lab node is not running (start the lab with $HERE/up.sh)" >&2
  exit 125
}
t0_us=${EPOCHREALTIME/./}
deadline=$(( t0_us + TIMEOUT * 1000000 ))

# daemon_runs NAME COMM: the node's NAME.pid is a live COMM in the node's network namespace.
daemon_runs() {
  local p
  p=$(cat "$STATE/$node/$1.pid" 2>/dev/null) || return 1
  [[ $p =~ ^[0-9]+$ ]] && alive "$p" && [[ $(comm_of "$p") == "$2" ]] && in_netns "$p" "$(node_ns "$node")"
}
if daemon_runs corosync corosync && daemon_runs pacemakerd tini; then
  echo "rejoin.sh: the cluster stack of $node runs already"
  exit 0
fi
if daemon_runs corosync corosync || daemon_runs pacemakerd tini; then
  echo "rejoin.sh: only half of $node's cluster stack runs; restart the lab with $HERE/up.sh" >&2
  exit 1
fi
# A boot: what is left of the old stack goes, the network comes up (after fence.sh --off).
"$HERE/$FENCE_AGENT" --action reboot --plug "$node" --state-dir "$STATE" 2>/dev/null \
  || { echo "rejoin.sh: could not power-cycle $node" >&2; exit 1; }

wait_until() {
  local what=$1
  shift
  until "$@"; do
    (( ${EPOCHREALTIME/./} < deadline )) || { echo "rejoin.sh: timed out ($TIMEOUT s) waiting for: $what" >&2; exit 1; }
    sleep 0.1
  done
}
start_corosync "$node"
wait_until "corosync of $node started" started_as "$STATE/$node/corosync.pid" corosync
wait_until "corosync of $node answering" in_node "$node" corosync-cfgtool -s >/dev/null 2>&1
start_pacemaker "$node"
wait_until "pacemakerd of $node started" started_as "$STATE/$node/pacemakerd.pid" tini
# Back = online with its clone instances running, as another node sees it (the DC's view).
back() {
  local n v
  for n in "${LAB_NODES[@]}"; do
    [[ $n == "$node" ]] && continue
    v=$(cluster_view "$n" 2>/dev/null) || continue
    online_in "$v" "$node" && [[ $v == *" $CLONE_PRIMITIVE=Started@$node "* ]] || return 1
    [[ $v == *" $PROMOTABLE_PRIMITIVE=Unpromoted@$node "* || $v == *" $PROMOTABLE_PRIMITIVE=Promoted@$node "* ]]
    return
  done
  return 1
}
wait_until "$node online with its instances of $CLONE and $PROMOTABLE" back
echo "rejoin.sh: $node is back in the cluster in $(elapsed) s"
