package dev.switchboard.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.switchboard.TestCertificates;
import dev.switchboard.cluster.ServiceCheck;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Service checks and the move prober against a real HTTPS server on 127.0.0.1 (the JDK's), with
 * real certificates: the JDK's CAs only by default, a CA from switchboard.tls.trust-bundle, and a
 * self-signed certificate only where the check says accept-self-signed, and then on the record.
 */
class ServiceCheckTlsTests {

    @TempDir
    Path dir;

    HttpsServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private String serve(TestCertificates.Issued certificate) throws Exception {
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(certificate.serverContext()));
        server.createContext("/", exchange -> {
            byte[] body = "CL/Web on srv1,".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return "https://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @Test
    void aSelfSignedCertificateFailsByDefaultNamingTheAddressTheCauseAndTheSettings() throws Exception {
        String url = serve(TestCertificates.selfSigned(dir, "appliance"));
        ServiceCheckCall.Answer answer = new ServiceCheckCall(url, new ServiceTls("")
                .trustFor(new ServiceCheck(url, "CL/Web"))).get();

        assertThat(answer.good("CL/Web")).isFalse();
        assertThat(answer.problem()).isNotNull();
        assertThat(answer.problem().english()).contains(url, "certification path", "switchboard.tls.trust-bundle",
                "accept-self-signed: true");
    }

    @Test
    void acceptSelfSignedLetsThatCertificateThroughAndSaysSo() throws Exception {
        String url = serve(TestCertificates.selfSigned(dir, "appliance"));
        CheckTrust trust = new ServiceTls("").trustFor(new ServiceCheck(url, "CL/Web", true));
        ServiceCheckCall.Answer answer = new ServiceCheckCall(url, trust).get();

        assertThat(answer.good("CL/Web on srv1")).as(answer.text()).isTrue();
        assertThat(trust.selfSignedAccepted()).isTrue();
    }

    @Test
    void acceptSelfSignedIsNotTrustAllACertificateFromAnUnknownCaStillFails() throws Exception {
        TestCertificates.Issued[] issued = TestCertificates.caSigned(dir, "service");
        String url = serve(issued[1]);
        CheckTrust trust = new ServiceTls("").trustFor(new ServiceCheck(url, "CL/Web", true));

        ServiceCheckCall.Answer answer = new ServiceCheckCall(url, trust).get();

        assertThat(answer.problem()).as(answer.text()).isNotNull();
        assertThat(trust.selfSignedAccepted()).isFalse();
    }

    @Test
    void theCompanyCaInTheTrustBundleIsTrustedWithoutTheSelfSignedSetting() throws Exception {
        TestCertificates.Issued[] issued = TestCertificates.caSigned(dir, "service");
        String url = serve(issued[1]);
        CheckTrust trust = new ServiceTls(issued[0].certificate().toString()).trustFor(new ServiceCheck(url, "CL/Web"));

        ServiceCheckCall.Answer answer = new ServiceCheckCall(url, trust).get();

        assertThat(answer.good("CL/Web on srv1")).as(String.valueOf(answer.shown())).isTrue();
        assertThat(trust.selfSignedAccepted()).isFalse();
    }

    @Test
    void theProberCountsGoodAnswersOverHttpsWithTheCheckTrust() throws Exception {
        String url = serve(TestCertificates.selfSigned(dir, "appliance"));
        ServiceTls tls = new ServiceTls("");
        try (ServiceProber trusting = new ServiceProber(url, tls.trustFor(new ServiceCheck(url, "", true)));
             ServiceProber strict = new ServiceProber(url, tls.trustFor(new ServiceCheck(url, "")))) {
            await().atMost(Duration.ofSeconds(5)).until(() -> trusting.outage().isPresent());
            assertThat(strict.outage()).as("no good answer without trust").isEmpty();
        }
    }

    @Test
    void aTrustBundleThatCannotBeReadStopsTheStartWithAClearError() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.pem"), "");
        assertThatThrownBy(() -> new ServiceTls(dir.resolve("missing.pem").toString()))
                .hasMessageContaining("switchboard.tls.trust-bundle").hasMessageContaining("missing.pem")
                .hasMessageContaining("no such file");
        assertThatThrownBy(() -> new ServiceTls(empty.toString())).hasMessageContaining("holds no certificate")
                .hasMessageContaining("BEGIN CERTIFICATE");
    }
}
