#!/usr/bin/env bash
# Writes the corpus of CIBs next to this script with Pacemaker's own tools on files (no cluster
# needed): cibadmin, crm_attribute and crm_resource build each configuration, crm_simulate
# brings nodes up, injects failures and writes the status section. Every file is one a real
# Pacemaker 2.1 accepts (cibadmin validates each change against its schema).
#
#   src/test/resources/pacemaker/cib-corpus/generate.sh   # rewrites *.xml here and crm_mon/*.xml
#
# PacemakerInventoryCorpusTests reads each file through crm_mon with CIB_file set, as
# Switchboard runs it, and checks where each group and primitive runs against crm_resource.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export TZ=UTC

# new NAME NODES: starts a CIB with nodes n1..nNODES (stonith on, a Dummy fence device)
new() {
  name="$1"; file="$work/$1.xml"
  cibadmin --empty > "$file"
  export CIB_file="$file"
  for ((i = 1; i <= $2; i++)); do cibadmin -C -o nodes -X "<node id=\"$i\" uname=\"n$i\"/>"; done
  prop cluster-name "$name"
  nodes="$2"
}
prop() { crm_attribute -t crm_config -n "$1" -v "$2" >/dev/null; }
add() { cibadmin -C -o "$1" -X "$2"; }
rsc() { add resources "$1"; }
meta() { crm_resource -r "$1" --meta -p "$2" -v "$3" >/dev/null 2>&1; }
nattr() { crm_attribute -t nodes -N "$1" -n "$2" -v "$3" >/dev/null; }
dummy() { echo "<primitive id=\"$1\" class=\"ocf\" provider=\"pacemaker\" type=\"Dummy\"><operations><op id=\"$1-mon\" name=\"monitor\" interval=\"10s\"/></operations></primitive>"; }
ip() { echo "<primitive id=\"$1\" class=\"ocf\" provider=\"heartbeat\" type=\"IPaddr2\"><instance_attributes id=\"$1-ia\"><nvpair id=\"$1-ip\" name=\"ip\" value=\"$2\"/></instance_attributes><operations><op id=\"$1-mon\" name=\"monitor\" interval=\"10s\"/></operations></primitive>"; }
fence() { rsc "<primitive id=\"${1:-fence-all}\" class=\"stonith\" type=\"fence_dummy\"><instance_attributes id=\"${1:-fence-all}-ia\"><nvpair id=\"${1:-fence-all}-hl\" name=\"pcmk_host_list\" value=\"$(seq -s ' ' -f 'n%g' 1 "$nodes")\"/></instance_attributes></primitive>"; }
group() { local id="$1"; shift; local body=""; for m in "$@"; do body+="$m"; done; rsc "<group id=\"$id\">$body</group>"; }
clone() { rsc "<clone id=\"$1-clone\"><meta_attributes id=\"$1-clone-m\"><nvpair id=\"$1-clone-i\" name=\"interleave\" value=\"true\"/></meta_attributes>$(dummy "$1")</clone>"; }
promotable() {
  rsc "<clone id=\"$1-clone\"><meta_attributes id=\"$1-clone-m\"><nvpair id=\"$1-clone-p\" name=\"promotable\" value=\"true\"/></meta_attributes><primitive id=\"$1\" class=\"ocf\" provider=\"pacemaker\" type=\"Stateful\"><operations><op id=\"$1-m1\" name=\"monitor\" interval=\"10s\" role=\"Promoted\"/><op id=\"$1-m2\" name=\"monitor\" interval=\"11s\" role=\"Unpromoted\"/></operations></primitive></clone>"
}
bundle() { rsc "<bundle id=\"$1\"><podman image=\"localhost/$1:latest\" replicas=\"${2:-2}\"/><network ip-range-start=\"192.168.122.${3:-131}\" host-netmask=\"24\" host-interface=\"eth0\"><port-mapping id=\"$1-port\" port=\"80\"/></network><primitive id=\"$1-httpd\" class=\"ocf\" provider=\"heartbeat\" type=\"apache\"/></bundle>"; }
# promote ID NODE: the promotion score a Stateful agent would set, so the scheduler promotes there
promote() { crm_attribute -N "$2" -n "master-$1" -l reboot -v 10 >/dev/null; }
prefer() { add constraints "<rsc_location id=\"loc-$1-$2\" rsc=\"$1\" node=\"$2\" score=\"${3:-100}\"/>"; }
# sim ARGS: brings every node up (unless told otherwise) and simulates the transition into the status
sim() {
  local up=()
  for ((i = 1; i <= nodes; i++)); do up+=(-u "n$i"); done
  crm_simulate -x "$CIB_file" -S -q 1 "${up[@]}" "$@" -O "$CIB_file.out" >/dev/null
  mv "$CIB_file.out" "$CIB_file"
}
# after ARGS: one more simulated step (failures injected on the running cluster, nodes going down)
after() { crm_simulate -x "$CIB_file" -S -q 1 "$@" -O "$CIB_file.out" >/dev/null; mv "$CIB_file.out" "$CIB_file"; }
# frozen ARGS: an injection without the reaction (an unclean node waiting to be fenced)
frozen() { crm_simulate -x "$CIB_file" -q 1 "$@" -O "$CIB_file.out" >/dev/null; mv "$CIB_file.out" "$CIB_file"; }
keep() { mv "$CIB_file" "$here/$name.xml"; unset CIB_file; }

new two-node-group 2; fence; group web "$(ip web-ip 10.0.0.10)" "$(dummy web-app)"; prop no-quorum-policy ignore; sim; keep
new three-node-primitives 3; fence; for r in a b c d; do rsc "$(dummy "solo-$r")"; done; prefer solo-a n2; sim; keep
new clone-and-promotable 3; fence; clone ping; promotable db; sim; promote db n2; after; keep
new promotable-with-group 4; fence; promotable drbd; group fs-app "$(dummy fs)" "$(dummy app)"
add constraints '<rsc_colocation id="app-with-promoted" rsc="fs-app" with-rsc="drbd-clone" with-rsc-role="Promoted" score="INFINITY"/>'
add constraints '<rsc_order id="promote-then-app" first="drbd-clone" first-action="promote" then="fs-app" then-action="start"/>'
sim; promote drbd n3; after; keep
new bundle 3; fence; bundle web-bundle 2; sim; keep
new bundle-and-clone 5; fence; bundle api-bundle 3 140; clone ping; sim; keep
new cloned-group 3; fence; rsc "<clone id=\"base-clone\"><group id=\"base\">$(dummy base-a)$(dummy base-b)</group></clone>"; sim; keep
new fencing-per-node 4; for i in 1 2 3 4; do fence "fence-n$i"; add constraints "<rsc_location id=\"fence-n$i-away\" rsc=\"fence-n$i\" node=\"n$i\" score=\"-INFINITY\"/>"; done; sim; keep
new fencing-topology 3; fence fence-ipmi; fence fence-pdu
add configuration '<fencing-topology><fencing-level id="fl-n1-1" target="n1" index="1" devices="fence-ipmi"/><fencing-level id="fl-n1-2" target="n1" index="2" devices="fence-pdu"/></fencing-topology>'; sim; keep
new remote-nodes 3; fence; rsc '<primitive id="remote1" class="ocf" provider="pacemaker" type="remote"><instance_attributes id="remote1-ia"><nvpair id="remote1-server" name="server" value="192.168.122.51"/></instance_attributes></primitive>'
rsc "$(dummy on-remote)"; prefer on-remote remote1 INFINITY; sim; after -u remote1; keep
new guest-node 3; fence; rsc '<primitive id="vm1" class="ocf" provider="heartbeat" type="VirtualDomain"><instance_attributes id="vm1-ia"><nvpair id="vm1-config" name="config" value="/etc/libvirt/vm1.xml"/></instance_attributes><meta_attributes id="vm1-m"><nvpair id="vm1-rn" name="remote-node" value="guest1"/></meta_attributes></primitive>'
rsc "$(dummy in-guest)"; prefer in-guest guest1 INFINITY; sim; after -u guest1; keep
new templates 3; fence; add resources '<template id="dummy-tpl" class="ocf" provider="pacemaker" type="Dummy"><operations><op id="tpl-mon" name="monitor" interval="20s"/></operations></template>'
rsc '<primitive id="from-tpl-1" template="dummy-tpl"/>'; rsc '<primitive id="from-tpl-2" template="dummy-tpl"/>'; sim; keep
new tags 3; fence; group web "$(ip web-ip 10.0.0.10)" "$(dummy web-app)"; rsc "$(dummy batch)"
add configuration '<tags><tag id="frontend"><obj_ref id="web"/><obj_ref id="batch"/></tag></tags>'; sim; keep
new resource-sets 4; fence; for r in a b c; do rsc "$(dummy "set-$r")"; done
add constraints '<rsc_colocation id="set-together" score="INFINITY"><resource_set id="set-together-0"><resource_ref id="set-a"/><resource_ref id="set-b"/><resource_ref id="set-c"/></resource_set></rsc_colocation>'
add constraints '<rsc_order id="set-order"><resource_set id="set-order-0" sequential="true"><resource_ref id="set-a"/><resource_ref id="set-b"/></resource_set></rsc_order>'; sim; keep
new rules 3; fence; rsc "$(dummy ruled)"
add constraints '<rsc_location id="ruled-where" rsc="ruled"><rule id="ruled-rule" score="500"><expression id="ruled-expr" attribute="site" operation="eq" value="east"/></rule></rsc_location>'
nattr n3 site east; nattr n1 site west; sim; keep
new alerts-and-acls 3; fence; group web "$(dummy web-app)"
add configuration '<alerts><alert id="notify" path="/usr/share/pacemaker/alerts/alert_file.sh.sample"><recipient id="notify-log" value="/var/log/pcmk_alert.log"/></alert></alerts>'
add configuration '<acls><acl_role id="viewer"><acl_permission id="viewer-read" kind="read" xpath="/cib"/></acl_role><acl_target id="alice"><role id="viewer"/></acl_target></acls>'; sim; keep
new utilization 4; fence; for r in vm-a vm-b vm-c; do rsc "<primitive id=\"$r\" class=\"ocf\" provider=\"pacemaker\" type=\"Dummy\"><utilization id=\"$r-u\"><nvpair id=\"$r-cpu\" name=\"cpu\" value=\"2\"/></utilization></primitive>"; done
for i in 1 2 3 4; do cibadmin -M -o nodes -X "<node id=\"$i\" uname=\"n$i\"><utilization id=\"n$i-u\"><nvpair id=\"n$i-cpu\" name=\"cpu\" value=\"4\"/></utilization></node>"; done
prop placement-strategy balanced; sim; keep
new maintenance-mode 3; fence; group web "$(dummy web-app)"; clone ping; sim; prop maintenance-mode true; after; keep
new stonith-disabled 2; group web "$(dummy web-app)"; prop stonith-enabled false; sim; keep
new stop-all-resources 3; fence; group web "$(dummy web-app)"; sim; prop stop-all-resources true; after; keep
new standby-node 3; fence; group web "$(ip web-ip 10.0.0.10)" "$(dummy web-app)"; prefer web n2; nattr n2 standby on; sim; keep
new maintenance-node 3; fence; group web "$(dummy web-app)"; prefer web n3; sim; nattr n3 maintenance true; after; keep
new offline-node 3; fence; group web "$(dummy web-app)"; prefer web n3; sim; after -d n3; keep
new unclean-node 4; fence; group web "$(dummy web-app)"; clone ping; prefer web n4; sim; frozen -f n4; keep
new pending-node 3; fence; group web "$(dummy web-app)"; sim
cibadmin -M -o status -X '<node_state id="3" uname="n3" join="pending" crmd="online" in_ccm="true" expected="member"/>'; keep
new failed-monitor 3; fence; group web "$(ip web-ip 10.0.0.10)" "$(dummy web-app)"; prefer web n1; sim; after -i web-app_monitor_10000@n1=7; keep
new failed-start 3; fence; rsc "$(dummy flaky)"; prefer flaky n2; sim -F flaky_start_0@n2=1; after; keep
new failed-stop-blocked 3; fence; rsc "$(dummy stuck)"; prop stonith-enabled false; sim; meta stuck target-role Stopped; after -F stuck_stop_0@n1=1 -F stuck_stop_0@n2=1 -F stuck_stop_0@n3=1; keep
new migration-threshold 3; fence; rsc "$(dummy picky)"; meta picky migration-threshold 1; prefer picky n1; sim; after -i picky_monitor_10000@n1=1; keep
new target-role-stopped 3; fence; group web "$(dummy web-app)"; rsc "$(dummy idle)"; meta idle target-role Stopped; meta web target-role Stopped; sim; keep
new unmanaged 3; fence; rsc "$(dummy hands-off)"; sim; meta hands-off is-managed false; after; keep
new no-quorum-freeze 3; fence; group web "$(dummy web-app)"; prop no-quorum-policy freeze; sim; after -d n2 -d n3; keep
new multi-state-legacy 3; fence; rsc '<master id="ms-db"><primitive id="legacy-db" class="ocf" provider="pacemaker" type="Stateful"/></master>'; sim; promote legacy-db n1; after; keep
new eight-nodes 8; fence; promotable db; clone ping
for g in 1 2 3 4; do group "app$g" "$(ip "app$g-ip" "10.0.1.$g")" "$(dummy "app$g-svc")"; prefer "app$g" "n$((g * 2))"; done
sim; promote db n5; after; keep
new sixteen-nodes 16; fence; clone ping; promotable db; bundle web-bundle 3
for g in $(seq 1 8); do group "svc$g" "$(ip "svc$g-ip" "10.0.2.$g")" "$(dummy "svc$g-app")"; prefer "svc$g" "n$g"; done
for r in $(seq 1 6); do rsc "$(dummy "job$r")"; done; nattr n16 standby on; sim; promote db n4; after -d n15 -i job1_monitor_10000@n1=7; keep
new group-of-templates 2; fence; add resources '<template id="app-tpl" class="ocf" provider="pacemaker" type="Dummy"><instance_attributes id="app-tpl-ia"><nvpair id="app-tpl-state" name="state" value="/run/app-tpl.state"/></instance_attributes><operations><op id="app-tpl-probe" name="monitor" interval="0" timeout="30s"/><op id="app-tpl-mon" name="monitor" interval="PT15S" timeout="20s"/></operations></template>'
group site "$(ip site-ip 10.0.3.1)" '<primitive id="site-app" template="app-tpl"/>'; sim; keep
new empty-cluster 3; sim; keep
new no-status 3; fence; group web "$(dummy web-app)"; keep
# what crm_mon answers for each, as Switchboard asks it, for the unit tests (no Pacemaker needed there)
mkdir -p "$here/crm_mon"
for cib in "$here"/*.xml; do
  CIB_file="$cib" crm_mon -1 --output-as=xml --fence-history=2 > "$here/crm_mon/$(basename "$cib")"
done
echo "wrote $(ls "$here"/*.xml | wc -l) CIBs to $here, and crm_mon's answers to $here/crm_mon"
