package dev.switchboard.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditFilterTests {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private static AuditFilter parse(String... pairs) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.put(pairs[i], pairs[i + 1]);
        }
        return AuditFilter.parse(params, TOKYO);
    }

    private static AuditFilter.Invalid invalid(String... pairs) {
        return catchThrowableOfType(AuditFilter.Invalid.class, () -> parse(pairs));
    }

    @Test
    void noParametersIsNoFilter() {
        AuditFilter filter = parse("actor", "  ", "q", "");

        assertThat(filter.isEmpty()).isTrue();
        assertThat(filter.suffix()).isEmpty();
        assertThat(filter).isEqualTo(AuditFilter.NONE);
    }

    @Test
    void aBareDateIsAWholeDayInTheServersZone() {
        AuditFilter filter = parse("from", "2026-11-25", "to", "2026-11-25");

        assertThat(filter.from()).isEqualTo(Instant.parse("2026-11-24T15:00:00Z"));
        assertThat(filter.to()).as("exclusive end: the next day").isEqualTo(Instant.parse("2026-11-25T15:00:00Z"));
    }

    @Test
    void aLocalTimeIsServerTimeAndAnOffsetIsTakenAsGiven() {
        assertThat(parse("from", "2026-11-25T09:00").from()).isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
        assertThat(parse("from", "2026-11-25T09:00:00Z").from()).isEqualTo(Instant.parse("2026-11-25T09:00:00Z"));
        assertThat(parse("to", "2026-11-25T09:00+02:00").to()).isEqualTo(Instant.parse("2026-11-25T07:00:00Z"));
    }

    @Test
    void aTimeThatIsNoTimeNamesTheParameterAndTheFormats() {
        AuditFilter.Invalid e = invalid("from", "yesterday");

        assertThat(e.parameter()).isEqualTo("from");
        assertThat(e.value()).isEqualTo("yesterday");
        assertThat(e.problem()).isEqualTo("time");
        assertThat(e.getMessage()).isEqualTo("from: “yesterday” is not a time; use 2026-11-25, "
                + "2026-11-25T09:00 (server time, Asia/Tokyo) or 2026-11-25T00:00:00Z");
    }

    @Test
    void anImpossibleDateIsNoTime() {
        assertThat(invalid("to", "2026-02-30").problem()).isEqualTo("time");
    }

    @Test
    void theEndMustComeAfterTheStart() {
        AuditFilter.Invalid e = invalid("from", "2026-11-25T10:00", "to", "2026-11-25T10:00");

        assertThat(e.parameter()).isEqualTo("to");
        assertThat(e.problem()).isEqualTo("order");
        assertThat(e.getMessage()).contains("is not after “from”; give a later end or an earlier start");
    }

    @Test
    void anOutcomeIsReadInAnyCase() {
        assertThat(parse("outcome", "denied").outcome()).isEqualTo("DENIED");
    }

    @Test
    void anUnknownOutcomeListsTheKnownOnes() {
        AuditFilter.Invalid e = invalid("outcome", "maybe");

        assertThat(e.problem()).isEqualTo("outcome");
        assertThat(e.getMessage()).isEqualTo("outcome: “maybe” is not an outcome; use one of [SUCCESS, FAILURE, DENIED, INFO]");
    }

    @Test
    void valuesAreTrimmedAndKeptForLinks() {
        AuditFilter filter = parse("q", "  failed move ", "group", "failover-clweb", "actor", "alice&bob");

        assertThat(filter.text()).isEqualTo("failed move");
        assertThat(filter.value("group")).isEqualTo("failover-clweb");
        // the order of the parameters is not kept (Map.copyOf), so compare them as a set
        assertThat(filter.query().split("&")).containsExactlyInAnyOrder("actor=alice%26bob", "group=failover-clweb",
                "q=failed+move");
        assertThat(filter.suffix()).isEqualTo("?" + filter.query());
    }

    @Test
    void narrowingAddsOneValueAndLeavesTheFilterAsItWas() {
        AuditFilter filter = parse("actor", "alice");

        assertThat(filter.queryWith("server", "srv2").split("&")).containsExactlyInAnyOrder("actor=alice", "server=srv2");
        assertThat(filter.queryWith("actor", "bob")).isEqualTo("actor=bob");
        assertThat(filter.query()).isEqualTo("actor=alice");
    }
}
