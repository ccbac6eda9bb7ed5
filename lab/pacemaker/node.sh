#!/usr/bin/env bash
# node.sh -- run a command "on" a node of the Pacemaker lab: inside its network, mount and UTS
# namespaces (those of its corosync and Pacemaker), so it sees the node's own
# /usr/local/jcclweb, /mnt/export, hostname and addresses and reaches its Pacemaker over IPC.
#
#   lab/pacemaker/node.sh <srv1|srv2|srv3> <command> [args...]
#   e.g. node.sh srv1 crm_mon -1 --output-as=xml
#        node.sh srv2 cat /usr/local/jcclweb/VERSION
#        node.sh srv1 crm_resource --move --resource failover-clweb --node srv2
#
# The command's exit code and output are passed through unchanged (exec). node.sh's own
# failures exit 125 with one line on stderr: a wrong argument, or the node not running
# ("could not connect to <node>: ..."); a command that does not exist exits 127. Needs root
# (nsenter). The command runs in / (use absolute paths). The nodes share the machine's PID
# namespace: ps and pgrep here list every process of the machine (procs.sh filters by node).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"
if (( $# < 2 )) || ! is_node "$1"; then
  echo "usage: $0 <srv1|srv2|srv3> <command> [args...]" >&2
  exit 125
fi
node=$1
shift
if ! h=$(holder_pid "$node"); then
  echo "node.sh: could not connect to $node: the lab node is not running (no live holder in $STATE/$node/holder.pid; start it with $HERE/up.sh)" >&2
  exit 125
fi
exec nsenter -t "$h" -n -m -u -- "$@"
