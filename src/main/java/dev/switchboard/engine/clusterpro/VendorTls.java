package dev.switchboard.engine.clusterpro;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.jspecify.annotations.Nullable;

/**
 * The TLS trust for the API: the certificates of switchboard.clusterpro.ca-bundle (PEM), or the
 * JVM's trust store without one. There is no way to switch verification off.
 */
final class VendorTls {

    private VendorTls() {
    }

    /**
     * @throws IllegalStateException naming the setting, the problem and the fix
     */
    static SSLContext context(@Nullable Path caBundle) {
        try {
            if (caBundle == null) {
                return SSLContext.getDefault();
            }
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            Collection<? extends Certificate> certificates;
            try (InputStream pem = Files.newInputStream(caBundle)) {
                certificates = CertificateFactory.getInstance("X.509").generateCertificates(pem);
            }
            if (certificates.isEmpty()) {
                throw new IllegalStateException("switchboard.clusterpro.ca-bundle: " + caBundle + " holds no certificate; "
                        + "put the PEM (-----BEGIN CERTIFICATE-----) of the CA that signed the API servers' certificates in it.");
            }
            int i = 0;
            for (Certificate certificate : certificates) {
                trusted.setCertificateEntry("ca-" + i++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new IllegalStateException("switchboard.clusterpro.ca-bundle: cannot read " + caBundle + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); correct the path or make the file readable.", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("switchboard.clusterpro.ca-bundle: " + caBundle + " is no PEM certificate "
                    + "bundle (" + e.getMessage() + "); put the CA certificates in PEM form in it.", e);
        }
    }
}
