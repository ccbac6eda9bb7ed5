#!/usr/bin/env bash
# procs.sh -- the processes running "on" a node of the Pacemaker lab, one "PID COMMAND-LINE"
# line each, optionally only those whose command line matches an extended regex:
#
#   lab/pacemaker/procs.sh <srv1|srv2|client> [ERE]     e.g. procs.sh srv1 '^clweb_serv '
#
# Exit 0 when at least one process is listed, 1 when none, 125 when the node's namespace does
# not exist. Needed because the lab's nodes share the machine's PID namespace: ps or pgrep run
# through node.sh list the processes of both nodes (and of the machine). This selects by the
# node's network namespace instead. Needs root.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"
case ${1:-} in
  srv1 | srv2) ns=$(node_ns "$1") ;;
  client) ns=$NS_CLIENT ;;
  *) echo "usage: $0 <srv1|srv2|client> [extended-regex]" >&2; exit 125 ;;
esac
pattern=${2:-}
pids=$(ip netns pids "$ns" 2>/dev/null) || {
  echo "procs.sh: could not connect to $1: netns $ns does not exist (start the lab with $HERE/up.sh)" >&2
  exit 125
}
found=1
for p in $pids; do
  alive "$p" || continue
  line=$(cmdline_of "$p")
  line=${line% }
  [[ -z $pattern || $line =~ $pattern ]] || continue
  echo "$p $line"
  found=0
done
exit "$found"
