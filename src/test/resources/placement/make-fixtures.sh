#!/usr/bin/env bash
# make-fixtures.sh -- builds the CIBs of PlacementReasonsTests with Pacemaker's own tools (no cluster
# needed) and captures what the installed Pacemaker's scheduler says of them:
#   <name>.cib.xml      the CIB (configuration and status), as cibadmin -Q would print it
#   <name>.scores.xml   crm_simulate -x <name>.cib.xml -s --output-as=xml (allocation and promotion scores)
#   <name>.scores.txt   crm_simulate -Ls on the same CIB, for people to compare
# Run it from this directory; it overwrites the files. Written with Pacemaker 2.1.5.
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

base() { # base FILE NODE...: an empty CIB with the nodes, no quorum needed, no fencing, stickiness 100
  local f=$1; shift
  cibadmin --empty > "$f"
  CIB_file=$f crm_attribute -t crm_config -n stonith-enabled -v false
  CIB_file=$f crm_attribute -t crm_config -n no-quorum-policy -v ignore
  CIB_file=$f cibadmin -C -o configuration -X '<rsc_defaults><meta_attributes id="rd"><nvpair id="rd-stickiness" name="resource-stickiness" value="100"/></meta_attributes></rsc_defaults>'
  local i=1 n
  for n in "$@"; do CIB_file=$f cibadmin -C -o nodes -X "<node id=\"$i\" uname=\"$n\"/>"; i=$((i + 1)); done
}
group() { # group FILE: the lab's group, three members, migration-threshold 3, home srv1 (50)
  CIB_file=$1 cibadmin -C -o resources -X '<group id="grp"><meta_attributes id="grp-m"><nvpair id="grp-m-mt" name="migration-threshold" value="3"/></meta_attributes>
    <primitive id="fip1" class="ocf" provider="heartbeat" type="Dummy"><operations><op id="fip1-mon" name="monitor" interval="10s"/></operations></primitive>
    <primitive id="disk1" class="ocf" provider="heartbeat" type="Dummy"/>
    <primitive id="exec1" class="ocf" provider="heartbeat" type="Dummy"/></group>'
  CIB_file=$1 cibadmin -C -o constraints -X '<rsc_location id="prefer-srv1" rsc="grp" node="srv1" score="50"/>'
}
run() { # run IN OUT NODE...: let the scheduler start everything, save the result
  local in=$1 out=$2; shift 2
  local up=() n
  for n in "$@"; do up+=(-u "$n"); done
  crm_simulate -x "$in" "${up[@]}" -S -O "$out" > /dev/null 2>&1
}
capture() { # capture NAME FILE
  cp "$2" "$1.cib.xml"
  crm_simulate -x "$1.cib.xml" -s --output-as=xml > "$1.scores.xml"
  CIB_file=$1.cib.xml crm_simulate -Ls > "$1.scores.txt" 2>&1
}

# mixed: three nodes, srv3 in standby; the group with a fail count 3 of fip1 on srv2 (threshold 3);
# a standalone primitive rep with a location, a rule on a node attribute and a colocation with the
# group; a clone banned from srv2; a promotable clone preferring srv2 for its promoted role.
m=$tmp/mixed.xml
base "$m" srv1 srv2 srv3
group "$m"
CIB_file=$m cibadmin -C -o resources -X '<primitive id="rep" class="ocf" provider="heartbeat" type="Dummy"/>'
CIB_file=$m cibadmin -C -o constraints -X '<rsc_location id="rep-prefers-srv2" rsc="rep" node="srv2" score="30"/>'
CIB_file=$m cibadmin -C -o constraints -X '<rsc_location id="rep-in-east" rsc="rep"><rule id="rep-in-east-rule" score="40"><expression id="rep-in-east-expr" attribute="dc" operation="eq" value="east"/></rule></rsc_location>'
CIB_file=$m cibadmin -C -o constraints -X '<rsc_colocation id="rep-with-grp" rsc="rep" with-rsc="grp" score="200"/>'
CIB_file=$m cibadmin -C -o resources -X '<clone id="health-c"><meta_attributes id="hc-m"><nvpair id="hc-m-max" name="clone-max" value="2"/></meta_attributes><primitive id="health" class="ocf" provider="heartbeat" type="Dummy"/></clone>'
CIB_file=$m cibadmin -C -o constraints -X '<rsc_location id="health-not-srv2" rsc="health-c" node="srv2" score="-INFINITY"/>'
CIB_file=$m cibadmin -C -o resources -X '<clone id="state-c"><meta_attributes id="sc-m"><nvpair id="sc-m-promotable" name="promotable" value="true"/></meta_attributes><primitive id="state" class="ocf" provider="pacemaker" type="Stateful"/></clone>'
CIB_file=$m cibadmin -C -o constraints -X '<rsc_location id="state-promoted-on-srv2" rsc="state-c" role="Promoted" node="srv2" score="20"/>'
CIB_file=$m crm_attribute -N srv1 -n dc -v east
run "$m" "$tmp/mixed-running.xml" srv1 srv2 srv3
export CIB_file=$tmp/mixed-running.xml
crm_attribute -N srv2 -n 'fail-count-fip1#monitor_10000' -v 3 -l reboot
crm_attribute -N srv1 -n master-state -v 5 -l reboot
crm_attribute -N srv2 -n master-state -v 10 -l reboot
crm_attribute -N srv3 -n standby -v on
unset CIB_file
capture mixed "$tmp/mixed-running.xml"

# ban: the lab as it is (two nodes, the group on srv1), then an operator's crm_resource --ban of
# the group from srv1 (cli-ban-grp-on-srv1): Pacemaker would move it to srv2.
b=$tmp/ban.xml
base "$b" srv1 srv2
group "$b"
run "$b" "$tmp/ban-running.xml" srv1 srv2
CIB_file=$tmp/ban-running.xml crm_resource --ban --resource grp --node srv1 > /dev/null 2>&1
capture ban "$tmp/ban-running.xml"
