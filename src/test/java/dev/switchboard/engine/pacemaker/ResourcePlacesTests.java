package dev.switchboard.engine.pacemaker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where each resource of any kind is active, from the lab's own crm_mon output. */
class ResourcePlacesTests {

    private static final String MON = """
            <pacemaker-result api-version="2.25" request="crm_mon -1 --output-as=xml">
              <nodes>
                <node name="srv1" id="1" online="true" standby="false" maintenance="false"/>
                <node name="srv2" id="2" online="true" standby="true" maintenance="false"/>
              </nodes>
              <resources>
                <group id="failover-clweb" number_resources="2" managed="true" disabled="false">
                  <resource id="fip1" role="Started" active="true"><node name="srv1" id="1" cached="true"/></resource>
                  <resource id="exec1" role="Started" active="true"><node name="srv1" id="1" cached="true"/></resource>
                </group>
                <resource id="sbtest-dummy" role="Started" active="true"><node name="srv2" id="2"/></resource>
                <resource id="stopped" role="Stopped" active="false" nodes_running_on="0"/>
                <clone id="sbtest-stateful-clone" multi_state="true" unique="false">
                  <resource id="sbtest-stateful" role="Promoted" active="true"><node name="srv1" id="1"/></resource>
                  <resource id="sbtest-stateful" role="Unpromoted" active="true"><node name="srv2" id="2"/></resource>
                </clone>
              </resources>
            </pacemaker-result>""";

    private final ResourcePlaces places = ResourcePlaces.parse(MON);

    @Test
    void nodesAreUsableWhenOnlineAndNotInStandby() {
        assertThat(places.nodes()).containsEntry("srv1", true).containsEntry("srv2", false);
    }

    @Test
    void aPrimitiveAGroupAndACloneAreWhereTheirInstancesAre() {
        assertThat(places.runsOnlyOn("sbtest-dummy", "srv2")).isTrue();
        assertThat(places.runsOnlyOn("failover-clweb", "srv1")).isTrue();
        assertThat(places.runsOnlyOn("sbtest-stateful-clone", "srv1")).isFalse();
        assertThat(places.runsOn("sbtest-stateful-clone", "srv2")).isTrue();
        assertThat(places.active("stopped")).isFalse();
        assertThat(places.runsOnlyOn("stopped", "srv1")).isFalse();
    }

    @Test
    void thePromotedRoleIsWhereTheInstanceIsPromoted() {
        assertThat(places.promotedOn("sbtest-stateful-clone", "srv1")).isTrue();
        assertThat(places.promotedOn("sbtest-stateful-clone", "srv2")).isFalse();
        assertThat(places.promotedOn("sbtest-stateful", "srv1")).isTrue();
        assertThat(places.promotable()).containsExactly("sbtest-stateful-clone");
    }
}
