package dev.switchboard.engine.pacemaker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Two crm_mon readings of an unchanged cluster are the same; any real difference is a change. */
class CrmMonFingerprintTests {

    private static final String READING = """
            <pacemaker-result api-version="2.25" request="crm_mon -1 --output-as=xml">
              <pacemakerd sys_from="pacemakerd" state="running" last_updated="%s"/>
              <summary>
                <last_update time="%s"/>
                <last_change time="Sat Dec  5 00:46:20 2026" user="root" client="crm_attribute" origin="srv1"/>
              </summary>
              <nodes>
                <node name="srv2" id="2" online="true" standby="%s" maintenance="false"/>
              </nodes>
            </pacemaker-result>
            """;

    @Test
    void theClocksOfAReadingAreNoChange() {
        assertThat(CrmMonFingerprint.of(READING.formatted("2026-12-05 00:46:27Z", "Sat Dec  5 00:46:28 2026", "false")))
                .isEqualTo(CrmMonFingerprint.of(READING.formatted("2026-12-05 00:46:29Z", "Sat Dec  5 00:46:29 2026",
                        "false")));
    }

    @Test
    void aNodeInStandbyIsAChange() {
        assertThat(CrmMonFingerprint.of(READING.formatted("x", "y", "false")))
                .isNotEqualTo(CrmMonFingerprint.of(READING.formatted("x", "y", "true")));
    }
}
