#!/usr/bin/env bash
# Writes a 16-node, 100-resource CIB with Pacemaker's own tools (no cluster needed) and what
# crm_mon answers for it, for the reading benchmark (PacemakerInventoryLargeTests):
#   1 fencing device, 20 groups of 3 primitives, 4 clones, 3 promotable clones and 32
#   standalone primitives (100 primitives; 139 instances with the clones'), location, colocation
#   and order constraints, stickiness, one node in standby, one offline, one failed monitor.
#
#   src/test/resources/pacemaker/large/generate.sh   # rewrites cib.xml, crm_mon.xml, configuration.xml
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
export TZ=UTC
export CIB_file="$here/cib.xml"
cibadmin --empty > "$CIB_file"
nodes=16
for ((i = 1; i <= nodes; i++)); do cibadmin -C -o nodes -X "<node id=\"$i\" uname=\"node$i\"/>"; done
crm_attribute -t crm_config -n cluster-name -v large-16 >/dev/null
cibadmin -C -o configuration -X '<rsc_defaults><meta_attributes id="rsc-options"><nvpair id="rsc-options-stickiness" name="resource-stickiness" value="100"/></meta_attributes></rsc_defaults>'
dummy() { echo "<primitive id=\"$1\" class=\"ocf\" provider=\"pacemaker\" type=\"Dummy\"><operations><op id=\"$1-mon\" name=\"monitor\" interval=\"10s\"/></operations></primitive>"; }
rsc=""
rsc+="<primitive id=\"fence-ipmi\" class=\"stonith\" type=\"fence_ipmilan\"><instance_attributes id=\"fence-ipmi-ia\"><nvpair id=\"fence-ipmi-hl\" name=\"pcmk_host_list\" value=\"$(seq -s ' ' -f 'node%g' 1 $nodes)\"/></instance_attributes></primitive>"
for g in $(seq 1 20); do
  rsc+="<group id=\"app$g\"><primitive id=\"app$g-ip\" class=\"ocf\" provider=\"heartbeat\" type=\"IPaddr2\"><instance_attributes id=\"app$g-ip-ia\"><nvpair id=\"app$g-ip-ip\" name=\"ip\" value=\"10.0.3.$g\"/></instance_attributes><operations><op id=\"app$g-ip-mon\" name=\"monitor\" interval=\"10s\"/></operations></primitive>$(dummy "app$g-fs")$(dummy "app$g-svc")</group>"
done
for c in 1 2 3 4; do rsc+="<clone id=\"base$c-clone\"><meta_attributes id=\"base$c-clone-m\"><nvpair id=\"base$c-clone-i\" name=\"interleave\" value=\"true\"/></meta_attributes>$(dummy "base$c")</clone>"; done
for p in 1 2 3; do
  rsc+="<clone id=\"db$p-clone\"><meta_attributes id=\"db$p-clone-m\"><nvpair id=\"db$p-clone-p\" name=\"promotable\" value=\"true\"/><nvpair id=\"db$p-clone-max\" name=\"clone-max\" value=\"3\"/></meta_attributes><primitive id=\"db$p\" class=\"ocf\" provider=\"pacemaker\" type=\"Stateful\"><operations><op id=\"db$p-m1\" name=\"monitor\" interval=\"10s\" role=\"Promoted\"/><op id=\"db$p-m2\" name=\"monitor\" interval=\"11s\" role=\"Unpromoted\"/></operations></primitive></clone>"
done
for j in $(seq 1 32); do rsc+="$(dummy "job$j")"; done
cibadmin --replace -o resources -X "<resources>$rsc</resources>"
con=""
for g in $(seq 1 20); do
  con+="<rsc_location id=\"app$g-prefers\" rsc=\"app$g\" node=\"node$(( (g % nodes) + 1 ))\" score=\"200\"/>"
  con+="<rsc_order id=\"base1-then-app$g\" first=\"base1-clone\" then=\"app$g\"/>"
done
for p in 1 2 3; do
  con+="<rsc_colocation id=\"app$p-with-db$p\" rsc=\"app$p\" with-rsc=\"db$p-clone\" with-rsc-role=\"Promoted\" score=\"INFINITY\"/>"
done
for j in $(seq 1 32); do con+="<rsc_location id=\"job$j-avoids\" rsc=\"job$j\" node=\"node$(( ((j + 7) % nodes) + 1 ))\" score=\"-100\"/>"; done
cibadmin --replace -o constraints -X "<constraints>$con</constraints>"
up=(); for ((i = 1; i <= nodes; i++)); do up+=(-u "node$i"); done
crm_attribute -t nodes -N node16 -n standby -v on >/dev/null
crm_simulate -x "$CIB_file" -S -q 1 "${up[@]}" -O "$CIB_file.out" >/dev/null && mv "$CIB_file.out" "$CIB_file"
for p in 1 2 3; do crm_attribute -N "node$p" -n "master-db$p" -l reboot -v 10 >/dev/null; done
crm_simulate -x "$CIB_file" -S -q 1 -d node15 -i job1_monitor_10000@node1=7 -O "$CIB_file.out" >/dev/null
mv "$CIB_file.out" "$CIB_file"
# what Switchboard's poll reads: crm_mon's answer and the CIB's configuration section
crm_mon -1 --output-as=xml --fence-history=2 > "$here/crm_mon.xml"
cibadmin -Q -o configuration > "$here/configuration.xml"
chmod 644 "$here"/*.xml
echo "wrote $CIB_file (run Switchboard with CIB_file=$CIB_file to show it), crm_mon.xml and configuration.xml"
