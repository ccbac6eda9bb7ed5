package dev.switchboard.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.valves.RemoteIpValve;
import org.apache.tomcat.util.descriptor.web.SecurityCollection;
import org.apache.tomcat.util.descriptor.web.SecurityConstraint;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tomcat's edge towards clients and proxies. Forwarded headers (X-Forwarded-For, -Proto, -Port)
 * are believed only from the addresses in {@code switchboard.proxy.trusted}, so that the client
 * address pages, sessions and the audit trail take from the request is the client's, and nobody
 * else can claim another address. {@code switchboard.http-redirect-port} opens a plain HTTP port
 * that only redirects to the TLS port.
 */
@Component
class ServerEdge implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final List<String> trustedProxies;
    private final int httpRedirectPort;

    ServerEdge(@Value("${switchboard.proxy.trusted:}") List<String> trustedProxies,
               @Value("${switchboard.http-redirect-port:0}") int httpRedirectPort) {
        this.trustedProxies = trustedProxies.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        this.httpRedirectPort = httpRedirectPort;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (!trustedProxies.isEmpty()) {
            factory.addEngineValves(forwardedHeadersFrom(trustedProxies));
        }
        if (httpRedirectPort > 0) {
            if (factory.getSsl() == null || !factory.getSsl().isEnabled()) {
                throw new IllegalStateException("switchboard.http-redirect-port is " + httpRedirectPort
                        + " but TLS is off, so there is nothing to redirect to: set server.ssl.bundle (see the"
                        + " README, TLS) or remove switchboard.http-redirect-port.");
            }
            factory.addAdditionalConnectors(redirectingConnector(httpRedirectPort, factory.getPort()));
            // every request on a plain connector is sent to the TLS port (the connector's redirectPort)
            factory.addContextCustomizers(context -> {
                SecurityConstraint confidential = new SecurityConstraint();
                confidential.setUserConstraint("CONFIDENTIAL");
                SecurityCollection everything = new SecurityCollection();
                everything.addPattern("/*");
                confidential.addCollection(everything);
                context.addConstraint(confidential);
            });
        }
    }

    static RemoteIpValve forwardedHeadersFrom(List<String> proxies) {
        RemoteIpValve valve = new RemoteIpValve();
        valve.setInternalProxies(proxies.stream().map(ServerEdge::address).map(Pattern::quote)
                .collect(Collectors.joining("|")));
        valve.setTrustedProxies(null);
        valve.setRemoteIpHeader("X-Forwarded-For");
        valve.setProtocolHeader("X-Forwarded-Proto");
        valve.setPortHeader("X-Forwarded-Port");
        return valve;
    }

    /** The address as Tomcat writes a client's: 0:0:0:0:0:0:0:1 for ::1. */
    static String address(String literal) {
        if (!literal.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
            throw new IllegalStateException("switchboard.proxy.trusted: '" + literal + "' is not an IP address;"
                    + " list the addresses your reverse proxy connects from, e.g. [127.0.0.1, 10.0.0.5].");
        }
        try {
            return InetAddress.getByName(literal).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("switchboard.proxy.trusted: '" + literal + "' is not an IP address ("
                    + e.getMessage() + "); list the addresses your reverse proxy connects from, e.g. [127.0.0.1].");
        }
    }

    private static Connector redirectingConnector(int port, int tlsPort) {
        Connector connector = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
        connector.setScheme("http");
        connector.setPort(port);
        connector.setSecure(false);
        connector.setRedirectPort(tlsPort);
        return connector;
    }
}
