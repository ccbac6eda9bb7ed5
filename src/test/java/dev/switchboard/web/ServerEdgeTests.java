package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Pattern;
import org.apache.catalina.valves.RemoteIpValve;
import org.junit.jupiter.api.Test;

/** switchboard.proxy.trusted: exact addresses only, so no neighbour of the proxy can forge a client address. */
class ServerEdgeTests {

    @Test
    void onlyTheListedAddressesAreTrustedToForwardNotTheirNeighbours() {
        RemoteIpValve valve = ServerEdge.forwardedHeadersFrom(List.of("127.0.3.1", "::1"));
        Pattern trusted = Pattern.compile(valve.getInternalProxies());

        assertThat(trusted.matcher("127.0.3.1").matches()).isTrue();
        assertThat(trusted.matcher("0:0:0:0:0:0:0:1").matches()).as("::1 as Tomcat writes it").isTrue();
        assertThat(trusted.matcher("127.0.3.10").matches()).isFalse();
        assertThat(trusted.matcher("127x0x3x1").matches()).as("dots are not wildcards").isFalse();
        assertThat(trusted.matcher("10.0.0.1").matches()).as("not Tomcat's default private ranges").isFalse();
        assertThat(valve.getTrustedProxies()).isNull();
    }

    @Test
    void aNameOrRangeInsteadOfAnAddressIsRefusedWithTheFix() {
        assertThatThrownBy(() -> ServerEdge.address("proxy.example.com"))
                .hasMessage("switchboard.proxy.trusted: 'proxy.example.com' is not an IP address; list the addresses"
                        + " your reverse proxy connects from, e.g. [127.0.0.1, 10.0.0.5].");
        assertThatThrownBy(() -> ServerEdge.address("10.0.0.0/8")).hasMessageContaining("'10.0.0.0/8' is not an IP");
    }
}
