#!/usr/bin/env bash
# smoke.sh -- proves the Pacemaker lab end to end and prints its timings; what CI would run.
#
#   lab/pacemaker/smoke.sh          (root; takes ~1 min; leaves the lab DOWN)
#
# up -> move to srv2 and back (crm_resource --move / --clear) -> kill -9 of clweb_serv on srv1
# (migration-threshold=1: the group fails over to srv2) -> cleanup -> rolling update of srv1
# (update.sh, relink, move back) -> fencing of srv3 (fence.sh) and its rejoin (rejoin.sh) -> down -> an aborted run (every lab process killed with -9,
# namespaces left behind) -> down -> up -> down. Prints "N passed, N failed"; exit 1 on failure.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"
NODE=$HERE/node.sh
pass=0 fail=0
check() {
  local name=$1
  shift
  if "$@"; then echo "PASS $name"; pass=$((pass + 1)); else echo "FAIL $name"; fail=$((fail + 1)); fi
}
trap '"$HERE/down.sh" >/dev/null 2>&1 || true' EXIT

# poll_until SECONDS CMD...: poll CMD every 50 ms; prints the seconds it took; fails on timeout.
poll_until() {
  local limit=$1 start=${EPOCHREALTIME/./} us
  shift
  until "$@"; do
    us=$(( ${EPOCHREALTIME/./} - start ))
    (( us < limit * 1000000 )) || { echo "timeout"; return 1; }
    sleep 0.05
  done
  us=$(( ${EPOCHREALTIME/./} - start ))
  printf '%d.%02d\n' $(( us / 1000000 )) $(( us % 1000000 / 10000 ))
}
on() { local v; v=$(cluster_view srv1) && group_on "$v" "$1"; }
failures_seen() { [[ $(cluster_view srv1) != *" failures=0" ]]; }
no_failures() { [[ $(cluster_view srv1) == *" failures=0" ]]; }
serves() { [[ $(http_get "http://$FIP:$SERVICE_PORT/" "$NS_CLIENT") == "200 CL/Web on $1,"* ]]; }
forwards() { [[ $(http_get "http://$FWD_ADDR:$FWD_PORT/") == "200 CL/Web on $1,"* ]]; }
forwards_version() { [[ $(http_get "http://$FWD_ADDR:$FWD_PORT/") == "200 CL/Web on $1, version $2" ]]; }
update_refused() { ! "$HERE/update.sh" "$@" 2>/dev/null; }
no_move_constraint() { ! "$NODE" srv1 cibadmin -Q -o constraints | grep -q "cli-prefer-$GROUP"; }
nothing_left() {
  ! ip netns list | grep -q '^sbpcmk-' && [[ -z $(losetup -n -j "$STATE/disk.img" 2>/dev/null) ]] \
    && ! findmnt -rn -o TARGET | grep -qF "$STATE/" && ! ss -Hltn "( sport = :$FWD_PORT )" | grep -q .
}
# secs_since T: seconds since T (microseconds from EPOCHREALTIME), two decimals.
secs_since() { local us=$(( ${EPOCHREALTIME/./} - $1 )); printf '%d.%02d' $(( us / 1000000 )) $(( us % 1000000 / 10000 )); }
# move TARGET: crm_resource --move, wait until Started there and served, --clear.
move() {
  local t0=${EPOCHREALTIME/./} ok=0
  "$NODE" srv1 crm_resource --move --resource "$GROUP" --node "$1" >/dev/null 2>&1
  poll_until 30 on "$1" >/dev/null || ok=1
  echo "  TIME move-to-$1-started $(secs_since "$t0")"
  poll_until 10 serves "$1" >/dev/null || ok=1
  echo "  TIME move-to-$1-served $(secs_since "$t0")"
  "$NODE" srv1 crm_resource --clear --resource "$GROUP" >/dev/null 2>&1
  return "$ok"
}

echo "== up"
t=${EPOCHREALTIME/./}
"$HERE/up.sh" | sed 's/^/  /'
echo "  TIME up.sh-including-pre-clean $(( (${EPOCHREALTIME/./} - t) / 1000 ))ms"
check group-started-on-srv1 on srv1
check client-gets-srv1 serves srv1
check forwarder-gets-srv1 forwards srv1

echo "== move to srv2 and back"
check move-to-srv2 move srv2
check client-gets-srv2 serves srv2
check forwarder-gets-srv2 forwards srv2
check move-constraint-cleared no_move_constraint
check stays-on-srv2-after-clear on srv2
check move-back-to-srv1 move srv1

echo "== kill -9 of clweb_serv on srv1"
pid=$("$HERE/procs.sh" srv1 '^clweb_serv( |$)' | awk '{ print $1; exit }')
t=${EPOCHREALTIME/./}
kill -KILL "$pid"
poll_until 10 failures_seen >/dev/null || true
echo "  TIME kill-to-failure-in-crm_mon $(secs_since "$t")"
moved=$(poll_until 30 on srv2) || true
echo "  TIME kill-to-started-on-srv2 $(secs_since "$t")"
poll_until 10 serves srv2 >/dev/null || true
echo "  TIME kill-to-served-by-srv2 $(secs_since "$t")"
check failover-to-srv2 test "$moved" != timeout
check client-gets-srv2-after-failover serves srv2
"$NODE" srv1 crm_resource --cleanup >/dev/null
check cleanup-clears-failures eval 'poll_until 10 no_failures >/dev/null'
check stays-on-srv2-after-cleanup on srv2

echo "== rolling update of srv1 (group on srv2)"
check update-refused-while-running update_refused srv2 1.1
check update-srv1 "$HERE/update.sh" srv1 1.1
check config-became-local-folder "$NODE" srv1 bash -c '[[ -d /usr/local/jcclweb/config && ! -L /usr/local/jcclweb/config ]]'
"$NODE" srv1 bash -c 'rm -rf /usr/local/jcclweb/config && ln -s /mnt/export/config /usr/local/jcclweb/config'
check move-to-updated-srv1 move srv1
check srv1-serves-1.1 forwards_version srv1 1.1

echo "== fencing of srv3 and its rejoin"
only_holder_left() { [[ -z $("$HERE/procs.sh" "$1" | grep -v " sbpcmk-holder-$1 ") ]]; }
fenced_in_history() {
  "$NODE" srv1 crm_mon -1 --output-as=xml --fence-history | grep -q "<fence_event action=\"reboot\" target=\"$1\" .*status=\"success\""
}
srv3_online() { online_in "$(cluster_view srv1)" srv3; }
t=${EPOCHREALTIME/./}
check fence-srv3 "$HERE/fence.sh" srv3
echo "  TIME fence.sh $(secs_since "$t")"
check srv3-only-holder-left only_holder_left srv3
check srv3-offline eval '! srv3_online'
check fencing-in-history fenced_in_history srv3
check group-still-on-srv1 on srv1
t=${EPOCHREALTIME/./}
check rejoin-srv3 "$HERE/rejoin.sh" srv3
echo "  TIME rejoin.sh $(secs_since "$t")"
check srv3-online-again srv3_online

echo "== down"
t=${EPOCHREALTIME/./}
"$HERE/down.sh" | sed 's/^/  /'
echo "  TIME down.sh $(( (${EPOCHREALTIME/./} - t) / 1000 ))ms"
check nothing-left-after-down nothing_left
check down-again-is-quiet test -z "$("$HERE/down.sh" 2>&1)"

echo "== aborted run: kill -9 of every lab process, namespaces left"
"$HERE/up.sh" >/dev/null
victims=("$(cat "$STATE/forwarder.pid")")
for ns in $(ip netns list | awk '$1 ~ /^sbpcmk-/ { print $1 }'); do
  mapfile -t -O "${#victims[@]}" victims < <(ip netns pids "$ns")
done
kill -KILL "${victims[@]}"
sleep 0.5
pidfiles=("$STATE"/*.pid "$STATE"/srv*/*.pid)
echo "  killed ${#victims[@]} processes; left: $(ip netns list | grep -c '^sbpcmk-') namespaces, ${#pidfiles[@]} pidfiles"
t=${EPOCHREALTIME/./}
"$HERE/down.sh" | sed 's/^/  /'
echo "  TIME down.sh-after-abort $(( (${EPOCHREALTIME/./} - t) / 1000 ))ms"
check nothing-left-after-aborted-run nothing_left
"$HERE/up.sh" | grep -E 'Started|lab up' | sed 's/^/  /'
check up-after-aborted-run serves srv1
"$HERE/down.sh" >/dev/null
check nothing-left-at-the-end nothing_left

echo "$pass passed, $fail failed"
(( fail == 0 ))
