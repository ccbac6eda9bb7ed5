#!/usr/bin/env bash
# procs.sh -- the processes running "on" a node of the Pacemaker lab, one "PID COMMAND-LINE"
# line each, optionally only those whose command line matches an extended regex:
#
#   lab/pacemaker/procs.sh <srv1|srv2|srv3|client> [ERE]     e.g. procs.sh srv1 '^clweb_serv '
#
# Exit 0 when at least one process is listed, 1 when none, 125 when the node's namespace does
# not exist. Needed because the lab's nodes share the machine's PID namespace: ps or pgrep run
# through node.sh list the processes of every node (and of the machine). This selects by the
# node's network namespace instead. Needs root.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"
case ${1:-} in
  srv1 | srv2 | srv3) ns=$(node_ns "$1") ;;
  client) ns=$NS_CLIENT ;;
  *) echo "usage: $0 <srv1|srv2|srv3|client> [extended-regex]" >&2; exit 125 ;;
esac
pattern=${2:-}
if ! pids=$(ip netns pids "$ns" 2>/dev/null); then
  # Inside a node (Switchboard runs a node's update command there), whose own /run has no
  # netns: the processes that share the network namespace of the node's holder.
  if [[ $1 != client ]] && h=$(holder_pid "$1"); then
    net=$(readlink "/proc/$h/ns/net")
    pids=$(for p in /proc/[0-9]*; do
      [[ $(readlink "$p/ns/net" 2>/dev/null) == "$net" ]] && echo "${p#/proc/}"
    done; true)
  else
    echo "procs.sh: could not connect to $1: netns $ns does not exist (start the lab with $HERE/up.sh)" >&2
    exit 125
  fi
fi
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
