#!/usr/bin/env bash
# fence.sh -- have the Pacemaker lab fence one of its nodes, as the cluster itself would: the
# request goes through stonith_admin on another node, Pacemaker's fencer picks the lab's fencing
# device (fence-lab, agent fence_sblab) and the agent powers the node off. The fencing is then in
# Pacemaker's fencing history (crm_mon --fence-history, stonith_admin --history).
#
#   lab/pacemaker/fence.sh <srv1|srv2|srv3> [--off]      e.g. fence.sh srv3
#
# Default action reboot: the node's stack is killed and its network comes back, but its cluster
# stack stays down, like a server whose cluster services are not started at boot. --off leaves
# the node off the network too. Either way rejoin.sh brings the node back into the cluster.
# Returns once the fencing succeeded and another node sees the node offline. Exit 0 fenced,
# 1 the fencing failed (stonith_admin's words on stderr), 2 usage, 125 no node could ask.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"
usage() { echo "usage: $0 <$(IFS='|'; echo "${LAB_NODES[*]}")> [--off]" >&2; exit 2; }
(( $# >= 1 && $# <= 2 )) && is_node "$1" || usage
target=$1 how=--reboot word=reboot
case ${2:-} in
  --off) how=--fence word=off ;;
  "") ;;
  *) usage ;;
esac
(( EUID == 0 )) || { echo "fence.sh: must run as root" >&2; exit 1; }
t0_us=${EPOCHREALTIME/./}

# Any other node whose Pacemaker answers asks for the fencing (a node never asks for its own).
asker=
for n in "${LAB_NODES[@]}"; do
  [[ $n == "$target" ]] && continue
  if cluster_view "$n" >/dev/null 2>&1; then asker=$n; break; fi
done
[[ -n $asker ]] || { echo "fence.sh: no other lab node's Pacemaker answers; is the lab up ($HERE/up.sh)?" >&2; exit 125; }

if ! out=$(in_node "$asker" stonith_admin "$how" "$target" --timeout 60 2>&1); then
  echo "fence.sh: $asker could not fence $target ($word): $out" >&2
  exit 1
fi
offline() { local v; v=$(cluster_view "$asker") && ! online_in "$v" "$target"; }
for (( i = 0; i < 300; i++ )); do offline && break; sleep 0.1; done
offline || { echo "fence.sh: $target was fenced but $asker still sees it online after 30 s" >&2; exit 1; }
echo "fence.sh: $target fenced ($word) through $asker in $(elapsed) s; $HERE/rejoin.sh $target brings it back"
