package dev.switchboard.operations;

import dev.switchboard.cluster.ServiceCheck;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which certificates the service checks and the move prober trust on https addresses: the JDK's
 * CAs, plus the CAs of {@code switchboard.tls.trust-bundle} (a PEM file), plus, only for a check
 * that pins them in {@code accept-certificates} in cluster.yml, exactly the server certificates with
 * those SHA-256 fingerprints. Never trust-all.
 */
@Component
class ServiceTls {

    private final List<X509ExtendedTrustManager> trusted;
    private final String trustBundle;

    ServiceTls(@Value("${switchboard.tls.trust-bundle:}") String trustBundle) {
        this.trustBundle = trustBundle.isBlank() ? null : trustBundle.strip();
        List<X509ExtendedTrustManager> managers = new ArrayList<>();
        managers.add(managerFor(null));
        if (this.trustBundle != null) {
            managers.add(managerFor(bundle(Path.of(this.trustBundle))));
        }
        this.trusted = List.copyOf(managers);
    }

    /** A fresh trust decision for one check: it remembers which pinned certificate it accepted. */
    CheckTrust trustFor(ServiceCheck check) {
        return new CheckTrust(trusted, check.acceptCertificates());
    }

    private static KeyStore bundle(Path file) {
        String problem;
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(in);
            if (!certificates.isEmpty()) {
                KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(null, null);
                int n = 0;
                for (Certificate c : certificates) {
                    store.setCertificateEntry("ca-" + n++, c);
                }
                return store;
            }
            problem = "it holds no certificate";
        } catch (IOException | GeneralSecurityException e) {
            problem = e instanceof java.nio.file.NoSuchFileException ? "there is no such file" : e.getMessage();
        }
        throw new IllegalStateException("switchboard.tls.trust-bundle: cannot read CA certificates from " + file
                + " (" + problem + "); give a PEM file with the CA certificates that signed your services'"
                + " certificates (-----BEGIN CERTIFICATE----- blocks).");
    }

    /** The PKIX trust manager for these CAs, or for the JDK's own when {@code store} is null. */
    private static X509ExtendedTrustManager managerFor(KeyStore store) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            for (TrustManager m : factory.getTrustManagers()) {
                if (m instanceof X509ExtendedTrustManager x509) {
                    return x509;
                }
            }
            throw new IllegalStateException("the JVM has no X.509 trust manager");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS trust: " + e.getMessage(), e);
        }
    }
}
