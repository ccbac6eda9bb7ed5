package dev.switchboard.engine.pacemaker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The lines Switchboard's alert agent writes, and everything else a followed file may show. */
class AlertLineTests {

    @Test
    void aResourceAlertHasItsKindNodeResourceTaskAndDescription() {
        assertThat(AlertLine.parse("switchboard-notify\t2026-12-05 00:47:21.000123\tresource\tsrv1\texec1\tstop\tok"))
                .contains(new AlertLine("2026-12-05 00:47:21.000123", "resource", "srv1", "exec1", "stop", "ok"));
    }

    @Test
    void nodeAndAttributeAlertsHaveNoResource() {
        assertThat(AlertLine.parse("switchboard-notify\tt\tattribute\tsrv2\t\t\t")).get()
                .satisfies(a -> {
                    assertThat(a.kind()).isEqualTo("attribute");
                    assertThat(a.node()).isEqualTo("srv2");
                    assertThat(a.resource()).isEmpty();
                    assertThat(a).hasToString("attribute on srv2");
                });
        assertThat(AlertLine.parse("switchboard-notify\tt\tnode\tsrv1")).get()
                .satisfies(a -> assertThat(a.task()).isEmpty());
    }

    @Test
    void anythingElseOnTheFollowedOutputIsNoAlert() {
        assertThat(AlertLine.parse("tail: '/var/lib/pacemaker/switchboard-notify.log' has been replaced")).isEmpty();
        assertThat(AlertLine.parse("switchboard-notify\tt\tresource")).as("cut short").isEmpty();
        assertThat(AlertLine.parse("other-agent\tt\tresource\tsrv1\texec1\tstop\tok")).isEmpty();
        assertThat(AlertLine.parse("switchboard-notify\tt\t\tsrv1")).as("no kind").isEmpty();
        assertThat(AlertLine.parse("")).isEmpty();
    }
}
