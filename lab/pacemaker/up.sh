#!/usr/bin/env bash
# up.sh -- start the Switchboard Pacemaker lab: a real three-node Pacemaker 2.1 / Corosync 3
# cluster (srv1, srv2, srv3) in network namespaces on this one machine, running the demo's group
# failover-clweb (fip1 -> disk1 -> exec1) with CL/Web 1.0 on srv1 (it may run on srv1 and srv2),
# a promotable clone, a plain clone, a standalone primitive and a fencing device that really
# fences (cib.sh, fence_sblab). Root only, no systemd.
#
#   lab/pacemaker/up.sh            (env: SBPCMK_STATE_DIR, SBPCMK_TIMEOUT=40, SBPCMK_FORWARD_PORT)
#
# It first runs down.sh, so leftovers of an aborted run never get in the way, and it rebuilds
# the lab from scratch every time (fresh CIB, fresh shared disk, CL/Web 1.0 on every node).
# It returns once the client namespace gets "CL/Web on srv1, version 1.0" from the floating
# address, the forwarder on 127.0.0.1:18090 answers and every other resource is in place;
# non-zero with the logs' last lines when that does not happen within SBPCMK_TIMEOUT seconds
# (the lab is then left for inspection: run down.sh). See README.md for the layout.
set -Eeuo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"
. "$HERE/cib.sh"
TIMEOUT=${SBPCMK_TIMEOUT:-40}
APP=$HERE/../../config/app/clweb_serv.py   # the demo's CL/Web stand-in, installed on each node
VERSION=1.0

# ------------------------------------------------------------------ failure reporting
diagnostics() {
  local n f
  [[ -n ${view:-} ]] && echo "--- last cluster view from srv1: $view"
  [[ -n ${answer:-} ]] && echo "--- last HTTP answer: $answer"
  for n in "${LAB_NODES[@]}"; do
    for f in corosync.stdout pacemakerd.stdout var-log-pacemaker/corosync.log jcclweb/logs/clweb_serv.log; do
      [[ -s $STATE/$n/$f ]] || continue
      echo "--- $n: last lines of $STATE/$n/$f"
      tail -n 8 "$STATE/$n/$f"
    done
    # pacemaker.log is chatty: its errors and warnings are what explain a failed start
    # (minus those every start of this lab logs).
    f=$STATE/$n/var-log-pacemaker/pacemaker.log
    if [[ -s $f ]]; then
      echo "--- $n: last errors/warnings in $f"
      grep -E '(error|crit|warning): ' "$f" \
        | grep -vE 'No on-disk digest|Blind faith|No quorum|I_DC_TIMEOUT' | tail -n 15 || true
    fi
  done
  [[ -s $STATE/forwarder.log ]] && { echo "--- forwarder: $STATE/forwarder.log"; tail -n 5 "$STATE/forwarder.log"; }
  if holder_pid srv1 >/dev/null; then
    echo "--- crm_mon on srv1"
    in_node srv1 crm_mon -1 -r -f 2>&1 | tail -n 30 || true
  fi
}
reported=
fail() {
  reported=1
  echo "up.sh: FAILED after $(elapsed) s: $*" >&2
  diagnostics >&2
  echo "up.sh: the lab is left as it is for inspection; $HERE/down.sh removes it" >&2
  exit 1
}
# die: a prerequisite is missing; nothing was started, so there are no logs to show.
die() {
  reported=1
  echo "up.sh: $*" >&2
  exit 1
}
# shellcheck disable=SC2154  # rc is assigned inside the trap
trap 'rc=$?; if (( rc != 0 )) && [[ -z $reported ]]; then reported=1; diagnostics >&2;
      echo "up.sh: FAILED (exit $rc); $HERE/down.sh removes what was started" >&2; fi' EXIT
trap 'echo "up.sh: line $LINENO failed: $BASH_COMMAND" >&2' ERR

# wait_until DESCRIPTION CMD...: poll CMD every 0.1 s until it succeeds or the deadline
# (SBPCMK_TIMEOUT seconds after the pre-clean, in microseconds) passes.
deadline=$(( ${EPOCHREALTIME/./} + TIMEOUT * 1000000 ))
wait_until() {
  local what=$1
  shift
  until "$@"; do
    (( ${EPOCHREALTIME/./} < deadline )) || fail "timed out ($TIMEOUT s) waiting for: $what"
    sleep 0.1
  done
}
step() { printf 'up.sh: %-40s %6s s\n' "$1" "$(elapsed)"; }

# ------------------------------------------------------------------ prerequisites
(( EUID == 0 )) || die "must run as root (namespaces, mounts)"
for c in corosync corosync-cfgtool corosync-quorumtool pacemakerd crm_mon cibadmin crm_attribute \
         crm_verify stonith_admin nsenter unshare setsid ip ss mkfs.ext4 modprobe tini socat python3 su; do
  command -v "$c" >/dev/null || die "missing command '$c': apt-get install -y --no-install-recommends \
pacemaker pacemaker-cli-utils corosync resource-agents kmod tini socat e2fsprogs iproute2 util-linux procps python3"
done
[[ -x /usr/lib/ocf/resource.d/heartbeat/anything ]] || die "resource-agents is not installed"
for a in Stateful Dummy; do
  [[ -x /usr/lib/ocf/resource.d/pacemaker/$a ]] || die "ocf:pacemaker:$a is missing: apt-get install pacemaker-resource-agents"
done
[[ -f $APP ]] || die "the CL/Web stand-in $APP is missing"
if [[ -e $STATE && ! -e $STATE_MARKER && -n $(ls -A "$STATE" 2>/dev/null) ]]; then
  die "$STATE exists, is not empty and is not a lab state directory (no $(basename "$STATE_MARKER")); \
choose another SBPCMK_STATE_DIR"
fi

# ------------------------------------------------------------------ pre-clean
"$HERE/down.sh"
t0_us=${EPOCHREALTIME/./}   # timings count from here, after the pre-clean
deadline=$(( t0_us + TIMEOUT * 1000000 ))
# The forwarder's port must be free; checked before anything is started.
if [[ -n $(ss -Hltn "( sport = :$FWD_PORT )") ]]; then
  die "port $FWD_PORT is already in use in the root namespace (set SBPCMK_FORWARD_PORT)"
fi
# down.sh unmounted everything, so removing our own files is safe; only known names are
# removed, and never while anything is mounted below the state directory.
if findmnt -rn -o TARGET | awk -v s="$STATE/" 'index($0, s) == 1 { found = 1 } END { exit !found }'; then
  die "something is still mounted below $STATE (findmnt | grep $STATE); unmount it first"
fi
mkdir -p "$STATE"
touch "$STATE_MARKER"
for node in "${LAB_NODES[@]}"; do rm -rf "${STATE:?}/$node"; done
rm -rf "$STATE/disk.img" "$STATE/disk-seed" "$STATE/seed-cib.xml" \
       "$STATE/forwarder.pid" "$STATE/forwarder.log"

# ------------------------------------------------------------------ network
# Nothing in the root namespace: a bridge in its own namespace, one veth per host, each end
# created directly inside its namespace.
for ns in "$NS_SWITCH" "$NS_CLIENT"; do ip netns add "$ns"; done
for node in "${LAB_NODES[@]}"; do ip netns add "$(node_ns "$node")"; done
ip -n "$NS_SWITCH" link add br0 type bridge
ip -n "$NS_SWITCH" link set lo up
ip -n "$NS_SWITCH" link set br0 up
for host in "${LAB_NODES[@]}" client; do
  if [[ $host == client ]]; then ns=$NS_CLIENT; else ns=$(node_ns "$host"); fi
  ip link add eth0 netns "$ns" type veth peer name "p-$host" netns "$NS_SWITCH"
  ip -n "$NS_SWITCH" link set "p-$host" master br0 up
  ip -n "$ns" link set lo up
  ip -n "$ns" addr add "$(node_addr "$host")/$NET_PREFIX" dev eth0
  ip -n "$ns" link set eth0 up
done
step "network ready"

# ------------------------------------------------------------------ shared disk
# One ext4 image for the group's nodes, like a shared LUN: disk1 loop-mounts it on whichever node
# runs the group. It holds the config folder the installs link to.
mkdir -p "$STATE/disk-seed/config/notes"
printf '# CL/Web shared configuration (on the shared disk)\n' > "$STATE/disk-seed/config/clweb.conf"
truncate -s 32M "$STATE/disk.img"
mkfs.ext4 -q -F -L export -d "$STATE/disk-seed" "$STATE/disk.img"
rm -rf "$STATE/disk-seed"

# ------------------------------------------------------------------ per-node files
# The corosync nodelist: every lab node, nodeid 1, 2, 3. Three votes, quorate with two.
corosync_nodes() {
  local i=0 n
  for n in "${LAB_NODES[@]}"; do
    i=$(( i + 1 ))
    printf '    node {\n        name: %s\n        nodeid: %d\n        ring0_addr: %s\n    }\n' "$n" "$i" "$(node_addr "$n")"
  done
}
for node in "${LAB_NODES[@]}"; do
  d=$STATE/$node
  mkdir -p "$d"/{run,var-lib-pacemaker/{cib,pengine,blackbox,cores},var-log-pacemaker/bundles,var-lib-corosync,etc-corosync}
  # Pacemaker's daemons run as hacluster: they must own their state and log directories.
  chown -R hacluster:haclient "$d/var-lib-pacemaker" "$d/var-log-pacemaker"
  chmod 750 "$d"/var-lib-pacemaker/*
  chmod 770 "$d/var-log-pacemaker"
  cat > "$d/etc-corosync/corosync.conf" <<EOF
# corosync.conf of the Switchboard Pacemaker lab (written by lab/pacemaker/up.sh)
totem {
    version: 2
    cluster_name: $CLUSTER_NAME
    transport: knet
    crypto_cipher: none
    crypto_hash: none
    token: 1000
}
nodelist {
$(corosync_nodes)
}
quorum {
    provider: corosync_votequorum
}
logging {
    to_stderr: no
    to_logfile: yes
    logfile: /var/log/pacemaker/corosync.log
    to_syslog: no
    timestamp: on
}
EOF

  # CL/Web 1.0, installed the way the demo's install.sh does it: the program, VERSION, and
  # config as a link to the shared disk's config folder (dangling until disk1 is mounted).
  j=$d/jcclweb
  mkdir -p "$j/bin" "$j/run" "$j/logs"
  cp "$APP" "$j/bin/clweb_serv.py"
  echo "$VERSION" > "$j/VERSION"
  ln -s "$MOUNT_POINT/config" "$j/config"
  # exec1's binfile. The anything agent starts "binfile cmdline_options"; this wrapper gives the
  # process the name clweb_serv (what process monitors look for, as the demo's exec -a does)
  # and the server name: the node's hostname, which in the lab is its Pacemaker node name,
  # because the CIB's cmdline_options are the same for every node.
  cat > "$j/bin/clweb_serv" <<'EOF'
#!/bin/bash
# Runs the CL/Web stand-in as "clweb_serv" for the server this node is (started by exec1).
home=$(cd "$(dirname "$0")/.." && pwd)
exec -a clweb_serv /usr/bin/python3 "$home/bin/clweb_serv.py" --server "$(uname -n)" "$@"
EOF
  # exec1's monitor_hook. anything's start returns as soon as the process is forked; this makes
  # start (and every monitor) succeed only once clweb_serv listens: it writes its pid to
  # run/clweb_serv.ready when it does. So "Started" in crm_mon means "serving".
  cat > "$j/bin/clweb_ready" <<'EOF'
#!/bin/bash
# Succeeds once the clweb_serv in run/clweb_serv.pid listens (waits up to 10 s for it).
home=$(cd "$(dirname "$0")/.." && pwd)
for _ in $(seq 1 500); do
  pid=$(cat "$home/run/clweb_serv.pid" 2>/dev/null) || exit 1
  [[ -n $pid && $pid == "$(cat "$home/run/clweb_serv.ready" 2>/dev/null)" ]] && exit 0
  kill -0 "$pid" 2>/dev/null || exit 1
  sleep 0.02
done
exit 1
EOF
  chmod 755 "$j/bin/clweb_serv" "$j/bin/clweb_ready"
done

# ------------------------------------------------------------------ seed CIB
# Written before the start, identical on every node (cib.sh: the resources and constraints).
seed=$STATE/seed-cib.xml
write_seed_cib "$seed"
crm_verify --xml-file "$seed" || fail "the seed CIB does not verify"
for node in "${LAB_NODES[@]}"; do
  install -o hacluster -g haclient -m 600 "$seed" "$STATE/$node/var-lib-pacemaker/cib/cib.xml"
done

# ------------------------------------------------------------------ the nodes
# What runs inside each node's fresh mount namespace to make it look like its own server
# (fed to bash on stdin by a quoted heredoc below, so nothing in it is expanded here).
# $1 node, $2 its state dir, $3 the lab state dir, $4 $5 up.sh's own mount and UTS namespaces,
# $6 the lab's fence agent.
read -r -d '' node_setup <<'SETUP' || true
set -euo pipefail
node=$1 d=$2 state=$3 outer_mnt=$4 outer_uts=$5 agent=$6
# Never mount over /run, /usr/local, /etc/corosync ... or rename the machine itself.
if [[ $(readlink /proc/self/ns/mnt) == "$outer_mnt" || $(readlink /proc/self/ns/uts) == "$outer_uts" ]]; then
  echo "node setup of $node: not in private mount and UTS namespaces; refusing to go on" >&2
  exit 1
fi
hostname "$node"
# mount -n everywhere: keep these out of /run/mount/utab, which until the move is the real one.
# A fresh tmpfs for /run: corosync (/run/corosync.pid), Pacemaker (/run/crm) and the agents
# (/run/resource-agents) keep per-node state there. It is prepared aside and moved over /run
# at the end, because the state dir may itself be under /run and must stay visible in the
# node (disk1 loop-mounts $state/disk.img).
mount -n -t tmpfs -o mode=755,size=64m sbpcmk-run "$d/run"
mkdir -p "$d/run/lock" "$d/run/crm" "$d/run/resource-agents" \
         "$d/run/sbpcmk/usr-local.upper/jcclweb" "$d/run/sbpcmk/usr-local.work" \
         "$d/run/sbpcmk/usr-sbin.upper" "$d/run/sbpcmk/usr-sbin.work"
chown hacluster:haclient "$d/run/crm"
chmod 750 "$d/run/crm"
# /usr/local: the machine's own, plus a jcclweb mount point that exists only in this node
# (overlay upper dir on the tmpfs), so nothing is ever created in the real /usr/local.
mount -n -t overlay sbpcmk-usr-local \
  -o "lowerdir=/usr/local,upperdir=$d/run/sbpcmk/usr-local.upper,workdir=$d/run/sbpcmk/usr-local.work" /usr/local
mount -n --bind "$d/jcclweb" /usr/local/jcclweb
# /usr/sbin: the machine's own plus the lab's fence agent, where pacemaker-fenced looks for
# fence_* agents; again only in this node.
install -m 755 "$agent" "$d/run/sbpcmk/usr-sbin.upper/$(basename "$agent")"
mount -n -t overlay sbpcmk-usr-sbin \
  -o "lowerdir=/usr/sbin,upperdir=$d/run/sbpcmk/usr-sbin.upper,workdir=$d/run/sbpcmk/usr-sbin.work" /usr/sbin
# /mnt: a small tmpfs holding the mount point export (the Filesystem agent would otherwise
# mkdir /mnt/export on the real disk).
mount -n -t tmpfs -o mode=755,size=1m sbpcmk-mnt /mnt
mkdir /mnt/export
# Pacemaker and corosync have their state paths compiled in: give each node its own.
mount -n --bind "$d/var-lib-pacemaker" /var/lib/pacemaker
mount -n --bind "$d/var-log-pacemaker" /var/log/pacemaker
mount -n --bind "$d/var-lib-corosync" /var/lib/corosync
mount -n --bind "$d/etc-corosync" /etc/corosync
if [[ $state == /run/* ]]; then
  mkdir -p "$d/run/${state#/run/}"
  mount -n --bind "$state" "$d/run/${state#/run/}"
fi
mount -n --move "$d/run" /run
SETUP
for node in "${LAB_NODES[@]}"; do
  d=$STATE/$node
  # The holder keeps the node's namespaces open: ip netns exec enters the node's network
  # namespace (and mounts its /sys), unshare makes a private mount and UTS namespace, and the
  # sleep is named sbpcmk-holder-<node> so a stale pidfile can be told from it. Every step
  # execs, so $! is the sleep itself. /dev/shm and the PID namespace stay shared: libqb's
  # shared-memory files then work for any client in the node's network namespace.
  # shellcheck disable=SC2016  # $0 is expanded by the inner bash
  setsid ip netns exec "$(node_ns "$node")" unshare --mount --uts --propagation private \
    bash -c 'exec -a "$0" sleep infinity' "sbpcmk-holder-$node" </dev/null >/dev/null 2>&1 &
  echo $! > "$d/holder.pid"
done
for node in "${LAB_NODES[@]}"; do
  wait_until "holder of $node" holder_pid "$node" >/dev/null
  in_node "$node" bash -s -- "$node" "$STATE/$node" "$STATE" \
    "$(readlink /proc/$$/ns/mnt)" "$(readlink /proc/$$/ns/uts)" "$HERE/$FENCE_AGENT" <<<"$node_setup"
done
step "nodes ready (namespaces, mounts)"

# ------------------------------------------------------------------ corosync, pacemakerd
# (lib.sh: start_corosync, start_pacemaker; rejoin.sh starts one node's stack the same way)
for node in "${LAB_NODES[@]}"; do start_corosync "$node"; done
for node in "${LAB_NODES[@]}"; do
  wait_until "corosync of $node started" started_as "$STATE/$node/corosync.pid" corosync
  wait_until "corosync of $node answering" in_node "$node" corosync-cfgtool -s >/dev/null 2>&1
done
for node in "${LAB_NODES[@]}"; do start_pacemaker "$node"; done
for node in "${LAB_NODES[@]}"; do
  wait_until "pacemakerd of $node started" started_as "$STATE/$node/pacemakerd.pid" tini
done
# Every node in srv1's membership, and quorate.
membership() {
  local members
  members=$(in_node srv1 corosync-quorumtool -l 2>/dev/null) || return 1
  [[ $(grep -cE " ($(IFS='|'; echo "${LAB_NODES[*]}"))( |$)" <<<"$members") == "${#LAB_NODES[@]}" ]] &&
    in_node srv1 corosync-quorumtool -s 2>/dev/null | grep -q 'Quorate: *Yes'
}
wait_until "corosync membership of ${LAB_NODES[*]}" membership
step "corosync membership formed"

view=
all_online=$(IFS=,; echo "${LAB_NODES[*]}")
dc_elected() { view=$(cluster_view srv1) && [[ $view != dc=-* && $view == *"online=$all_online "* ]]; }
wait_until "a DC and all nodes online" dc_elected
step "DC elected, all nodes online"

started() { view=$(cluster_view srv1) && group_on "$view" srv1; }
wait_until "$GROUP Started on srv1" started
step "$GROUP Started on srv1"

# ------------------------------------------------------------------ service checks
expect="CL/Web on srv1, version $VERSION"
answer=
serves() { answer=$(http_get "http://$FIP:$SERVICE_PORT/" "$NS_CLIENT") && [[ $answer == "200 $expect" ]]; }
wait_until "'$expect' from http://$FIP:$SERVICE_PORT/ in $NS_CLIENT" serves
step "client gets HTTP 200 from the FIP"

# The forwarder: root-namespace loopback port -> the floating address, one socat per
# connection run in the client namespace. socat's EXEC splits its argument at colons, hence \:.
setsid socat "TCP-LISTEN:$FWD_PORT,bind=$FWD_ADDR,reuseaddr,fork" \
  "EXEC:ip netns exec $NS_CLIENT socat STDIO TCP\:$FIP\:$SERVICE_PORT" </dev/null >"$STATE/forwarder.log" 2>&1 &
echo $! > "$STATE/forwarder.pid"
forwards() { answer=$(http_get "http://$FWD_ADDR:$FWD_PORT/") && [[ $answer == "200 $expect" ]]; }
wait_until "'$expect' through the forwarder http://$FWD_ADDR:$FWD_PORT/" forwards
step "forwarder answers on $FWD_ADDR:$FWD_PORT"

# The rest of the CIB: the clones' instances (one promoted), report, the fencing device. They
# start in the group's transition; the promotion needs one more.
complete() { view=$(cluster_view srv1) && in_place "$view"; }
wait_until "every resource in place (README.md, The CIB)" complete
step "every resource in place"

cat <<EOF
up.sh: $answer
up.sh: lab up in $(elapsed) s: state $STATE; nodes $(for n in "${LAB_NODES[@]}"; do printf '%s %s, ' "$n" "$(node_addr "$n")"; done)netns sbpcmk-srvN;
       client $(node_addr client) (netns $NS_CLIENT); service http://$FIP:$SERVICE_PORT/, from the root namespace http://$FWD_ADDR:$FWD_PORT/
       e.g. $HERE/node.sh srv1 crm_mon -1      stop it with $HERE/down.sh
EOF
