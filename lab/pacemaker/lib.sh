# lib.sh -- names and helpers shared by the Pacemaker lab scripts (sourced, never run).
# shellcheck shell=bash disable=SC2034  # the names are used by the scripts that source this
#
# Every name the Java engine or a test may depend on is defined here once: the state
# directory, the namespaces, the addresses, the install directory, the group.

# State: pidfiles, per-node directories (bind-mounted into the nodes), logs, the shared disk
# image. Under /run so it disappears on reboot together with the namespaces and loop devices,
# and so a service with PrivateTmp=yes still sees it.
SBPCMK_STATE_DIR=${SBPCMK_STATE_DIR:-/run/switchboard-pcmk-lab}
case $SBPCMK_STATE_DIR in
  /?*) ;;
  *) echo "SBPCMK_STATE_DIR must be an absolute path, not '$SBPCMK_STATE_DIR'" >&2; exit 125 ;;
esac
STATE=${SBPCMK_STATE_DIR%/}
# up.sh writes this marker; nothing deletes files in a directory that lacks it.
STATE_MARKER=$STATE/.switchboard-pcmk-lab

LAB_NODES=(srv1 srv2 srv3)
# Namespace names carry the sbpcmk- prefix so they never collide with other labs (pcmk-*).
NS_SWITCH=sbpcmk-sw            # holds the bridge br0, the lab's "switch"
NS_CLIENT=sbpcmk-client        # a client on the lab network (service checks, the forwarder)
node_ns() { echo "sbpcmk-$1"; }  # sbpcmk-srv1, sbpcmk-srv2, sbpcmk-srv3

CLUSTER_NAME=clweb-cluster     # as in config/cluster.yml
NET_PREFIX=24
node_addr() {
  case $1 in
    srv1) echo 10.200.0.1 ;;
    srv2) echo 10.200.0.2 ;;
    srv3) echo 10.200.0.3 ;;
    client) echo 10.200.0.254 ;;
    *) return 1 ;;
  esac
}
FIP=10.200.0.100               # floating address (fip1), only on the lab network
SERVICE_PORT=18080             # clweb_serv listens on FIP:SERVICE_PORT
FWD_ADDR=127.0.0.1             # the forwarder: root namespace loopback only ...
FWD_PORT=${SBPCMK_FORWARD_PORT:-18090}   # ... so a JVM in the root namespace reaches the service

INSTALL_DIR=/usr/local/jcclweb # the node's own CL/Web install (bind mount of $STATE/<node>/jcclweb)
MOUNT_POINT=/mnt/export        # where disk1 mounts the shared image inside the node
GROUP=failover-clweb
GROUP_NODES=(srv1 srv2)        # the nodes the group may run on (-INFINITY for the others)
# The other resources (README.md, "The CIB"): a promotable clone, a plain clone, a standalone
# primitive placed by constraints, and the fencing device with the lab's own agent.
PROMOTABLE=state-clone         # of the primitive "state" (ocf:pacemaker:Stateful), promoted-max 1
PROMOTABLE_PRIMITIVE=state
CLONE=health-clone             # of the primitive "health" (ocf:pacemaker:Dummy), on every node
CLONE_PRIMITIVE=health
STANDALONE=report              # ocf:pacemaker:Dummy, prefers srv3, colocated with health-clone
FENCE_DEVICE=fence-lab         # stonith:fence_sblab (lab/pacemaker/fence_sblab)
FENCE_AGENT=fence_sblab

is_node() { local n; for n in "${LAB_NODES[@]}"; do [[ ${1:-} == "$n" ]] && return 0; done; return 1; }

# Alive = exists and is not a zombie. PID 1 on such machines may reap orphans only every ~2 s,
# and kill -0 succeeds on a zombie.
alive() {
  local s
  s=$(sed -E 's/.*\) (.).*/\1/' "/proc/$1/stat" 2>/dev/null) || return 1
  [[ -n $s && $s != Z ]]
}
comm_of() { cat "/proc/$1/comm" 2>/dev/null || true; }
argv0_of() { tr '\0' '\n' < "/proc/$1/cmdline" 2>/dev/null | head -n 1 || true; }
cmdline_of() { tr '\0' ' ' < "/proc/$1/cmdline" 2>/dev/null || true; }

# in_netns PID NS: the process lives in the named network namespace.
in_netns() {
  local ino
  ino=$(stat -L -c %i "/run/netns/$2" 2>/dev/null) || return 1
  [[ $(readlink "/proc/$1/ns/net" 2>/dev/null) == "net:[$ino]" ]]
}

# holder_pid NODE: prints the PID of the node's holder (the process that keeps its network,
# mount and UTS namespaces open) and succeeds only if it is really ours and running. A stale
# pidfile (aborted run, PID reused) fails this check, so nothing unrelated is ever entered or
# signalled.
holder_pid() {
  local f=$STATE/$1/holder.pid p
  [[ -s $f ]] || return 1
  p=$(<"$f")
  [[ $p =~ ^[0-9]+$ ]] && alive "$p" && [[ $(comm_of "$p") == sleep ]] \
    && [[ $(argv0_of "$p") == "sbpcmk-holder-$1" ]] || return 1
  echo "$p"
}

# in_node NODE CMD...: run CMD inside the node (what node.sh does, for the scripts themselves).
in_node() {
  local n=$1 h
  shift
  h=$(holder_pid "$n") || { echo "could not connect to $n: the lab node is not running" >&2; return 125; }
  nsenter -t "$h" -n -m -u -- "$@"
}

# cluster_view NODE: one line from crm_mon's XML as seen from NODE, e.g.
#   dc=srv1 online=srv1,srv2 fip1=Started@srv1 disk1=Started@srv1 exec1=Started@srv1 failures=0
# Fails when the node's Pacemaker does not answer.
cluster_view() {
  local xml
  xml=$(in_node "$1" crm_mon -1 --output-as=xml 2>/dev/null) || return 1
  python3 -c '
import sys, xml.etree.ElementTree as ET
root = ET.fromstring(sys.argv[1])
dc = root.find("summary/current_dc")
out = ["dc=" + (dc.get("name") if dc is not None and dc.get("present") == "true" else "-")]
out.append("online=" + ",".join(n.get("name") for n in root.findall("nodes/node") if n.get("online") == "true"))
for r in root.iter("resource"):
    where = ",".join(n.get("name") for n in r.findall("node")) or "-"
    out.append("%s=%s@%s" % (r.get("id"), r.get("role"), where))
out.append("failures=%d" % len(root.findall("failures/failure")))
print(" ".join(out))
' "$xml"
}

# group_on VIEW NODE: all three members are Started on NODE in a cluster_view line.
group_on() {
  [[ $1 == *"fip1=Started@$2 "* && $1 == *"disk1=Started@$2 "* && $1 == *"exec1=Started@$2 "* ]]
}

# online_in VIEW NODE: NODE is in the online= list of a cluster_view line.
online_in() {
  local list=${1#* online=}
  list=${list%% *}
  [[ ",$list," == *",$2,"* ]]
}

# in_place VIEW: a cluster_view line shows every node online and every resource where the
# seed CIB puts it: the group on srv1, an instance of both clones on every node, one of them
# promoted (on srv2), report on srv3, the fencing device started.
in_place() {
  local v=$1 n
  [[ $v == *" online=$(IFS=,; echo "${LAB_NODES[*]}") "* ]] && group_on "$v" srv1 || return 1
  for n in "${LAB_NODES[@]}"; do
    [[ $v == *" $CLONE_PRIMITIVE=Started@$n "* ]] || return 1
    [[ $v == *" $PROMOTABLE_PRIMITIVE=Unpromoted@$n "* || $v == *" $PROMOTABLE_PRIMITIVE=Promoted@$n "* ]] || return 1
  done
  [[ $(grep -o " $PROMOTABLE_PRIMITIVE=Promoted@" <<<"$v" | wc -l) == 1 ]] || return 1
  [[ $v == *" $PROMOTABLE_PRIMITIVE=Promoted@srv2 "* && $v == *" $STANDALONE=Started@srv3 "* \
     && $v == *" $FENCE_DEVICE=Started@"* ]]
}

# started_as PIDFILE COMM...: the pidfile's PID has become one of COMM (the exec chain
# nsenter -> env -> setsid -> daemon has completed); setsid does not fork here because a
# background job of a script is not a process group leader.
started_as() {
  local p c want
  p=$(<"$1")
  c=$(comm_of "$p")
  shift
  for want in "$@"; do [[ $c == "$want" ]] && return 0; done
  return 1
}
# start_corosync NODE / start_pacemaker NODE: start the node's daemon in the background and
# write its pidfile (callers wait with started_as). nsenter is backgrounded directly, so that
# $! is the daemon (nsenter, env, setsid and tini all exec), not a subshell.
start_corosync() {
  local d=$STATE/$1 h
  h=$(holder_pid "$1") || return 125
  nsenter -t "$h" -n -m -u -- setsid corosync -f </dev/null >"$d/corosync.stdout" 2>&1 &
  echo $! > "$d/corosync.pid"
}
# tini -s (child subreaper) in front of pacemakerd reaps what the agents daemonize at once;
# otherwise dead processes stay zombies until PID 1 reaps them and look alive to the agents'
# kill -0 (slow stops, late failure detection). tini forwards TERM to pacemakerd.
start_pacemaker() {
  local d=$STATE/$1 h
  h=$(holder_pid "$1") || return 125
  nsenter -t "$h" -n -m -u -- env PCMK_logfile=/var/log/pacemaker/pacemaker.log PCMK_logfacility=none \
    setsid tini -s -- pacemakerd </dev/null >"$d/pacemakerd.stdout" 2>&1 &
  echo $! > "$d/pacemakerd.pid"
}

# http_get URL [NETNS]: prints "<status> <body>" (body on one line), from NETNS if given.
# python3 instead of curl: python3 is required anyway, curl is not.
http_get() {
  local run=()
  [[ -n ${2:-} ]] && run=(ip netns exec "$2")
  "${run[@]}" python3 -c '
import sys, urllib.request
try:
    with urllib.request.urlopen(sys.argv[1], timeout=1) as r:
        print(r.status, r.read().decode("utf-8", "replace").strip().replace("\n", " "))
except Exception as e:
    print("000", e)
    sys.exit(1)
' "$1"
}

# Elapsed seconds since t0_us (set by the caller from EPOCHREALTIME), without bc.
t0_us=${EPOCHREALTIME/./}
elapsed() {
  local us=$(( ${EPOCHREALTIME/./} - t0_us ))
  printf '%d.%02d' $(( us / 1000000 )) $(( us % 1000000 / 10000 ))
}
