package dev.switchboard.engine.pacemaker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Shapes of real CIBs that the configuration reader (and so discovery) must read right. */
class CibTests {

    /** A group of a templated primitive, a probe-only monitor op and an ISO 8601 interval. */
    private static final String CIB = """
            <cib validate-with="pacemaker-3.7"><configuration><crm_config/><nodes/>
              <resources>
                <template id="web-template" class="ocf" provider="heartbeat" type="apache">
                  <instance_attributes id="wt-ia">
                    <nvpair id="wt-ia-conf" name="configfile" value="/etc/apache2/apache2.conf"/>
                    <nvpair id="wt-ia-port" name="port" value="80"/>
                  </instance_attributes>
                  <operations>
                    <op id="wt-probe" name="monitor" interval="0" timeout="30s"/>
                    <op id="wt-mon" name="monitor" interval="PT20S" timeout="40s"/>
                  </operations>
                </template>
                <group id="site">
                  <primitive id="site-web" template="web-template">
                    <instance_attributes id="sw-ia"><nvpair id="sw-ia-port" name="port" value="8080"/></instance_attributes>
                  </primitive>
                  <primitive id="site-ip" class="ocf" provider="heartbeat" type="IPaddr2">
                    <operations><op id="si-probe" name="monitor" interval="0" timeout="20s"/>
                      <op id="si-mon" name="monitor" interval="10s"/></operations>
                  </primitive>
                </group>
              </resources><constraints/></configuration></cib>""";

    @Test
    void aTemplatedPrimitiveTakesTheTemplatesAgentParametersAndMonitorsItsOwnParametersWinning() {
        Cib.Primitive web = Cib.parse(CIB).group("site").orElseThrow().primitives().get(0);
        assertThat(web.agent()).isEqualTo("ocf:heartbeat:apache");
        assertThat(web.params()).containsEntry("configfile", "/etc/apache2/apache2.conf").containsEntry("port", "8080");
        assertThat(web.monitors()).extracting(Cib.MonitorOp::id).containsExactly("wt-mon");
        assertThat(web.monitors().get(0).interval()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void aMonitorOpOfIntervalZeroOnlySetsTheProbeAndIsNoRecurringMonitor() {
        Cib.Primitive ip = Cib.parse(CIB).group("site").orElseThrow().primitives().get(1);
        assertThat(ip.monitors()).extracting(Cib.MonitorOp::id).containsExactly("si-mon");
    }

    @Test
    void theCorpusGroupOfATemplatedPrimitiveIsReadWithTheTemplatesAgentAndMonitor() throws java.io.IOException {
        Cib cib = Cib.parse(java.nio.file.Files.readString(PacemakerInventoryTests.CORPUS.resolve("group-of-templates.xml")));
        Cib.Primitive app = cib.group("site").orElseThrow().primitives().get(1);
        assertThat(app.agent()).isEqualTo("ocf:pacemaker:Dummy");
        assertThat(app.param("state")).isEqualTo("/run/app-tpl.state");
        assertThat(app.monitors()).extracting(Cib.MonitorOp::interval).containsExactly(Duration.ofSeconds(15));
    }

    @Test
    void intervalsAreReadInEveryFormPacemakerAccepts() {
        assertThat(Cib.duration("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Cib.duration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Cib.duration("2min")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Cib.duration("15")).isEqualTo(Duration.ofSeconds(15));
        assertThat(Cib.duration("P1M")).isEqualTo(Duration.ZERO);
    }
}
