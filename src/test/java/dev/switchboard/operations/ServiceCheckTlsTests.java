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
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Service checks and the move prober against a real HTTPS server on 127.0.0.1 (the JDK's), with
 * real certificates: the JDK's CAs only by default, a CA from switchboard.tls.trust-bundle, and
 * exactly the certificates the check pins in accept-certificates, whose fingerprint the trust names.
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
    void aSelfSignedCertificateFailsByDefaultNamingTheAddressTheCauseItsFingerprintAndTheSettings() throws Exception {
        TestCertificates.Issued appliance = TestCertificates.selfSigned(dir, "appliance");
        String url = serve(appliance);
        ServiceCheckCall.Answer answer = new ServiceCheckCall(url, new ServiceTls("")
                .trustFor(new ServiceCheck(url, "CL/Web"))).get();

        assertThat(answer.good("CL/Web")).isFalse();
        assertThat(answer.problem()).isNotNull();
        assertThat(answer.problem().english()).contains(url, "certification path", "switchboard.tls.trust-bundle",
                "if you trust that certificate, add " + appliance.fingerprint() + " to accept-certificates");
    }

    @Test
    void aPinnedCertificateIsAcceptedAndTheTrustNamesItsFingerprint() throws Exception {
        TestCertificates.Issued appliance = TestCertificates.selfSigned(dir, "appliance");
        String url = serve(appliance);
        CheckTrust trust = new ServiceTls("").trustFor(new ServiceCheck(url, "CL/Web",
                List.of(TestCertificates.selfSigned(dir, "srv1").fingerprint(), appliance.fingerprint())));
        ServiceCheckCall.Answer answer = new ServiceCheckCall(url, trust).get();

        assertThat(answer.good("CL/Web on srv1")).as(String.valueOf(answer.shown())).isTrue();
        assertThat(trust.pinAccepted()).contains(appliance.fingerprint());
    }

    @Test
    void pinningIsNotTrustAllAnotherSelfSignedCertificateStillFails() throws Exception {
        String url = serve(TestCertificates.selfSigned(dir, "intruder"));
        CheckTrust trust = new ServiceTls("").trustFor(new ServiceCheck(url, "CL/Web",
                List.of(TestCertificates.selfSigned(dir, "appliance").fingerprint())));

        ServiceCheckCall.Answer answer = new ServiceCheckCall(url, trust).get();

        assertThat(answer.problem()).as(answer.text()).isNotNull();
        assertThat(trust.pinAccepted()).isEmpty();
    }

    @Test
    void aPinnedCertificateIsAcceptedWhateverItsIssuer() throws Exception {
        TestCertificates.Issued[] issued = TestCertificates.caSigned(dir, "service");
        String url = serve(issued[1]);
        CheckTrust trust = new ServiceTls("").trustFor(new ServiceCheck(url, "CL/Web", List.of(issued[1].fingerprint())));

        ServiceCheckCall.Answer answer = new ServiceCheckCall(url, trust).get();

        assertThat(answer.good("CL/Web on srv1")).as(String.valueOf(answer.shown())).isTrue();
        assertThat(trust.pinAccepted()).contains(issued[1].fingerprint());
    }

    @Test
    void theCompanyCaInTheTrustBundleIsTrustedWithoutAPin() throws Exception {
        TestCertificates.Issued[] issued = TestCertificates.caSigned(dir, "service");
        String url = serve(issued[1]);
        CheckTrust trust = new ServiceTls(issued[0].certificate().toString()).trustFor(new ServiceCheck(url, "CL/Web"));

        ServiceCheckCall.Answer answer = new ServiceCheckCall(url, trust).get();

        assertThat(answer.good("CL/Web on srv1")).as(String.valueOf(answer.shown())).isTrue();
        assertThat(trust.pinAccepted()).isEmpty();
    }

    @Test
    void theProberCountsGoodAnswersOverHttpsWithTheCheckTrust() throws Exception {
        TestCertificates.Issued appliance = TestCertificates.selfSigned(dir, "appliance");
        String url = serve(appliance);
        ServiceTls tls = new ServiceTls("");
        try (ServiceProber trusting = new ServiceProber(url, tls.trustFor(new ServiceCheck(url, "",
                List.of(appliance.fingerprint()))));
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
