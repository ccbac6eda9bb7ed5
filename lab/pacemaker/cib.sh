# cib.sh -- the lab's seed CIB (sourced by up.sh after lib.sh, never run). Every id is fixed:
# tests and README.md name them.
# shellcheck shell=bash

# write_seed_cib FILE: writes the CIB all three nodes start from, built offline with the
# ordinary tools (CIB_file). It is written before the daemons start: dc-deadtime=2s matters
# most, with the default 20 s the first DC election alone takes ~22 s.
write_seed_cib() {
  local seed=$1
  cibadmin --empty > "$seed"
  (
    export CIB_file=$seed
    # Fencing is real (fence-lab below). startup-fencing=false: the three nodes start together,
    # and a node whose Pacemaker is slow to join on a loaded machine must not be fenced for it.
    # no-quorum-policy=stop (Pacemaker's default): with three nodes a node cut off alone has
    # no quorum, stops its resources and fences nobody, while the two others fence it.
    crm_attribute -t crm_config -n stonith-enabled -v true
    crm_attribute -t crm_config -n startup-fencing -v false
    crm_attribute -t crm_config -n no-quorum-policy -v stop
    crm_attribute -t crm_config -n dc-deadtime -v 2s
    # crm_attribute cannot write rsc_defaults in 2.1.5: create the section directly.
    cibadmin -C -o configuration -X '<rsc_defaults><meta_attributes id="rsc_defaults-meta_attributes">
      <nvpair id="rsc_defaults-meta_attributes-resource-stickiness" name="resource-stickiness" value="100"/>
    </meta_attributes></rsc_defaults>'
    cibadmin -C -o resources -X "$(group_xml)"
    cibadmin -C -o resources -X "$(promotable_xml)"
    cibadmin -C -o resources -X "$(clone_xml)"
    cibadmin -C -o resources -X "$(standalone_xml)"
    cibadmin -C -o resources -X "$(fence_device_xml)"
    # srv1 is the group's home server; stickiness (100 per member) outweighs 50, so there is no
    # failback. It runs only on srv1 and srv2 (cluster.yml lists those two for it).
    cibadmin -C -o constraints -X "<rsc_location id=\"location-$GROUP-srv1-50\" rsc=\"$GROUP\" node=\"srv1\" score=\"50\"/>"
    local n
    for n in "${LAB_NODES[@]}"; do
      [[ " ${GROUP_NODES[*]} " == *" $n "* ]] && continue
      cibadmin -C -o constraints -X "<rsc_location id=\"location-$GROUP-$n--INFINITY\" rsc=\"$GROUP\" node=\"$n\" score=\"-INFINITY\"/>"
    done
    # The promoted instance of state-clone prefers srv2 (a location for a role).
    cibadmin -C -o constraints -X "<rsc_location id=\"location-$PROMOTABLE-srv2-promoted-20\" rsc=\"$PROMOTABLE\" role=\"Promoted\" node=\"srv2\" score=\"20\"/>"
    # report prefers srv3 and runs only where an instance of health-clone runs, after it.
    cibadmin -C -o constraints -X "<rsc_location id=\"location-$STANDALONE-srv3-50\" rsc=\"$STANDALONE\" node=\"srv3\" score=\"50\"/>"
    cibadmin -C -o constraints -X "<rsc_colocation id=\"colocation-$STANDALONE-$CLONE-INFINITY\" rsc=\"$STANDALONE\" with-rsc=\"$CLONE\" score=\"INFINITY\"/>"
    # Optional, not Mandatory: an instance of health-clone stopping elsewhere (standby, fencing)
    # does not restart report.
    cibadmin -C -o constraints -X "<rsc_order id=\"order-$CLONE-$STANDALONE-Optional\" first=\"$CLONE\" then=\"$STANDALONE\" kind=\"Optional\"/>"
  )
}

# The demo's group. migration-threshold=1 on the group (inherited by its members): the first
# monitor failure bans the member from that node, so the whole group fails over, like the
# demo's recovery policy (no restart in place).
group_xml() {
  cat <<EOF
<group id="$GROUP">
  <meta_attributes id="$GROUP-meta_attributes">
    <nvpair id="$GROUP-meta_attributes-migration-threshold" name="migration-threshold" value="1"/>
  </meta_attributes>
  <primitive id="fip1" class="ocf" provider="heartbeat" type="IPaddr2">
    <instance_attributes id="fip1-instance_attributes">
      <nvpair id="fip1-instance_attributes-ip" name="ip" value="$FIP"/>
      <nvpair id="fip1-instance_attributes-cidr_netmask" name="cidr_netmask" value="$NET_PREFIX"/>
      <nvpair id="fip1-instance_attributes-nic" name="nic" value="eth0"/>
    </instance_attributes>
    <operations>
      <op id="fip1-monitor-interval-10s" name="monitor" interval="10s" timeout="20s"/>
    </operations>
  </primitive>
  <primitive id="disk1" class="ocf" provider="heartbeat" type="Filesystem">
    <instance_attributes id="disk1-instance_attributes">
      <nvpair id="disk1-instance_attributes-device" name="device" value="$STATE/disk.img"/>
      <nvpair id="disk1-instance_attributes-directory" name="directory" value="$MOUNT_POINT"/>
      <nvpair id="disk1-instance_attributes-fstype" name="fstype" value="ext4"/>
      <nvpair id="disk1-instance_attributes-options" name="options" value="loop"/>
    </instance_attributes>
    <operations>
      <op id="disk1-monitor-interval-20s" name="monitor" interval="20s" timeout="40s"/>
    </operations>
  </primitive>
  <primitive id="exec1" class="ocf" provider="heartbeat" type="anything">
    <instance_attributes id="exec1-instance_attributes">
      <nvpair id="exec1-instance_attributes-binfile" name="binfile" value="$INSTALL_DIR/bin/clweb_serv"/>
      <nvpair id="exec1-instance_attributes-cmdline_options" name="cmdline_options" value="--address $FIP --port $SERVICE_PORT --home $INSTALL_DIR"/>
      <nvpair id="exec1-instance_attributes-workdir" name="workdir" value="$INSTALL_DIR"/>
      <nvpair id="exec1-instance_attributes-pidfile" name="pidfile" value="$INSTALL_DIR/run/clweb_serv.pid"/>
      <nvpair id="exec1-instance_attributes-logfile" name="logfile" value="$INSTALL_DIR/logs/clweb_serv.log"/>
      <nvpair id="exec1-instance_attributes-monitor_hook" name="monitor_hook" value="$INSTALL_DIR/bin/clweb_ready"/>
    </instance_attributes>
    <operations>
      <op id="exec1-monitor-interval-2s" name="monitor" interval="2s" timeout="20s"/>
    </operations>
  </primitive>
</group>
EOF
}

# A promotable clone, as databases and DRBD are run: one instance per node, one of them
# promoted. The Stateful agent gives every instance a promotion score (5, 10 once promoted).
promotable_xml() {
  cat <<EOF
<clone id="$PROMOTABLE">
  <meta_attributes id="$PROMOTABLE-meta_attributes">
    <nvpair id="$PROMOTABLE-meta_attributes-promotable" name="promotable" value="true"/>
    <nvpair id="$PROMOTABLE-meta_attributes-promoted-max" name="promoted-max" value="1"/>
    <nvpair id="$PROMOTABLE-meta_attributes-promoted-node-max" name="promoted-node-max" value="1"/>
  </meta_attributes>
  <primitive id="state" class="ocf" provider="pacemaker" type="Stateful">
    <operations>
      <op id="state-monitor-interval-10s" name="monitor" interval="10s" timeout="20s" role="Promoted"/>
      <op id="state-monitor-interval-11s" name="monitor" interval="11s" timeout="20s" role="Unpromoted"/>
    </operations>
  </primitive>
</clone>
EOF
}

# A plain (anonymous) clone: one instance on every node.
clone_xml() {
  cat <<EOF
<clone id="$CLONE">
  <primitive id="health" class="ocf" provider="pacemaker" type="Dummy">
    <operations>
      <op id="health-monitor-interval-10s" name="monitor" interval="10s" timeout="20s"/>
    </operations>
  </primitive>
</clone>
EOF
}

# A standalone primitive, placed by the constraints above (srv3 by preference).
standalone_xml() {
  cat <<EOF
<primitive id="$STANDALONE" class="ocf" provider="pacemaker" type="Dummy">
  <operations>
    <op id="$STANDALONE-monitor-interval-10s" name="monitor" interval="10s" timeout="20s"/>
  </operations>
</primitive>
EOF
}

# The fencing device: the lab's own agent (fence_sblab), able to fence every node.
fence_device_xml() {
  cat <<EOF
<primitive id="$FENCE_DEVICE" class="stonith" type="$FENCE_AGENT">
  <instance_attributes id="$FENCE_DEVICE-instance_attributes">
    <nvpair id="$FENCE_DEVICE-instance_attributes-pcmk_host_list" name="pcmk_host_list" value="${LAB_NODES[*]}"/>
    <nvpair id="$FENCE_DEVICE-instance_attributes-state_dir" name="state_dir" value="$STATE"/>
  </instance_attributes>
  <operations>
    <op id="$FENCE_DEVICE-monitor-interval-60s" name="monitor" interval="60s" timeout="20s"/>
  </operations>
</primitive>
EOF
}
