package dev.switchboard.engine.pacemaker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** When a group came Online, from crm_mon's operation history, in every time format Pacemaker writes. */
class StartTimesTests {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Test
    void readsEachFormatPacemakerWrites() {
        assertThat(StartTimes.parse("Wed Nov 25 08:26:19 2026", TOKYO)).hasValue(Instant.parse("2026-11-24T23:26:19Z"));
        assertThat(StartTimes.parse("Thu Nov  5 08:26:19 2026", ZoneOffset.UTC))
                .hasValue(Instant.parse("2026-11-05T08:26:19Z"));
        assertThat(StartTimes.parse("2026-11-25 08:32:01Z", TOKYO)).hasValue(Instant.parse("2026-11-25T08:32:01Z"));
        assertThat(StartTimes.parse("2026-11-25 08:32:01 +01:00", TOKYO)).hasValue(Instant.parse("2026-11-25T07:32:01Z"));
        assertThat(StartTimes.parse("2026-11-25T08:32:01+09:00", TOKYO)).hasValue(Instant.parse("2026-11-24T23:32:01Z"));
        assertThat(StartTimes.parse("", TOKYO)).isEmpty();
        assertThat(StartTimes.parse("yesterday", TOKYO)).isEmpty();
    }

    @Test
    void theLastSuccessfulStartCountsAndAProbeOnlyWithoutOne() {
        CrmMon mon = CrmMon.parse(crmMon("""
                <resource_history id="fip">
                  <operation_history task="start" rc="0" last-rc-change="Wed Nov 25 08:00:00 2026"/>
                  <operation_history task="monitor" rc="0" interval="0ms" last-rc-change="Wed Nov 25 09:00:00 2026"/>
                  <operation_history task="monitor" rc="0" interval="10000ms" last-rc-change="Wed Nov 25 10:00:00 2026"/>
                </resource_history>
                <resource_history id="exec">
                  <operation_history task="start" rc="1" last-rc-change="Wed Nov 25 11:00:00 2026"/>
                  <operation_history task="monitor" rc="0" last-rc-change="Wed Nov 25 08:30:00 2026"/>
                </resource_history>"""), ZoneOffset.UTC);

        assertThat(mon.startedAt().get("fip")).containsEntry("srv1", Instant.parse("2026-11-25T08:00:00Z"));
        assertThat(mon.startedAt().get("exec")).as("after a cleanup, the probe that found it running")
                .containsEntry("srv1", Instant.parse("2026-11-25T08:30:00Z"));
        assertThat(mon.onlineSince("g")).hasValue(Instant.parse("2026-11-25T08:30:00Z"));
    }

    @Test
    void unknownWhenAMemberHasNoHistory() {
        CrmMon mon = CrmMon.parse(crmMon("""
                <resource_history id="fip">
                  <operation_history task="start" rc="0" last-rc-change="Wed Nov 25 08:00:00 2026"/>
                </resource_history>"""), ZoneOffset.UTC);

        assertThat(mon.onlineSince("g")).isEmpty();
    }

    /** A group g of fip and exec, both Started on srv1, with {@code history} for srv1. */
    private static String crmMon(String history) {
        return """
                <pacemaker-result>
                  <nodes><node name="srv1" online="true"/></nodes>
                  <resources>
                    <group id="g">
                      <resource id="fip" resource_agent="ocf:heartbeat:IPaddr2" role="Started" active="true">
                        <node name="srv1"/>
                      </resource>
                      <resource id="exec" resource_agent="ocf:heartbeat:anything" role="Started" active="true">
                        <node name="srv1"/>
                      </resource>
                    </group>
                  </resources>
                  <node_history><node name="srv1">%s</node></node_history>
                  <status code="0" message="OK"/>
                </pacemaker-result>""".formatted(history);
    }
}
