package dev.switchboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Real certificates for the TLS tests, made with the JDK's keytool (no openssl needed): a
 * self-signed one, or one signed by a test CA, for 127.0.0.1 and localhost, each as a PKCS#12
 * key store and as PEM files (certificate, and key in PKCS#8) as nginx and Spring Boot's PEM
 * bundles read them.
 */
public final class TestCertificates {

    public static final String PASSWORD = "changeit";

    /** One certificate: its key store (alias "server"), its PEM certificate and key. */
    public record Issued(Path keyStore, Path certificate, Path key) {

        /** {@code sha256/<lowercase hex>} of the DER certificate, as accept-certificates pins it. */
        public String fingerprint() {
            try (InputStream in = Files.newInputStream(certificate)) {
                byte[] der = java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in)
                        .getEncoded();
                return "sha256/" + java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(der));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        /** A server-side TLS context presenting this certificate. */
        public SSLContext serverContext() {
            try (InputStream in = Files.newInputStream(keyStore)) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(in, PASSWORD.toCharArray());
                KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(store, PASSWORD.toCharArray());
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(keys.getKeyManagers(), null, null);
                return context;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        /** A client-side TLS context that trusts this certificate (as its own CA). */
        public SSLContext trustingContext() {
            try (InputStream in = Files.newInputStream(certificate)) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                store.setCertificateEntry("trusted", java.security.cert.CertificateFactory.getInstance("X.509")
                        .generateCertificate(in));
                TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(store);
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, trust.getTrustManagers(), null);
                return context;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private TestCertificates() {
    }

    /** A certificate that signed itself, like an appliance's default one. */
    public static Issued selfSigned(Path dir, String name) {
        Path store = dir.resolve(name + ".p12");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "3",
                "-dname", "CN=" + name, "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-keystore", store.toString(),
                "-storetype", "PKCS12", "-storepass", PASSWORD);
        return export(dir, name, store);
    }

    /** A test CA (its certificate as {@code ca.certificate()}) and a server certificate it signed. */
    public static Issued[] caSigned(Path dir, String name) {
        Path caStore = dir.resolve(name + "-ca.p12");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "3",
                "-dname", "CN=" + name + " test CA", "-ext", "bc:c", "-keystore", caStore.toString(),
                "-storetype", "PKCS12", "-storepass", PASSWORD);
        Issued ca = export(dir, name + "-ca", caStore);
        Path store = dir.resolve(name + ".p12");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "3",
                "-dname", "CN=" + name, "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        Path request = dir.resolve(name + ".csr");
        Path signed = dir.resolve(name + "-signed.pem");
        keytool("-certreq", "-alias", "server", "-keystore", store.toString(), "-storepass", PASSWORD,
                "-file", request.toString());
        keytool("-gencert", "-alias", "server", "-keystore", caStore.toString(), "-storepass", PASSWORD,
                "-infile", request.toString(), "-outfile", signed.toString(), "-rfc", "-validity", "3",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost");
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", ca.certificate().toString(),
                "-keystore", store.toString(), "-storepass", PASSWORD);
        keytool("-importcert", "-noprompt", "-alias", "server", "-file", signed.toString(),
                "-keystore", store.toString(), "-storepass", PASSWORD);
        return new Issued[] {ca, export(dir, name, store)};
    }

    private static Issued export(Path dir, String name, Path store) {
        Path certificate = dir.resolve(name + ".crt");
        Path key = dir.resolve(name + ".key");
        keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", store.toString(), "-storepass", PASSWORD,
                "-file", certificate.toString());
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, PASSWORD.toCharArray());
            PrivateKey privateKey = (PrivateKey) keys.getKey("server", PASSWORD.toCharArray());
            Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(privateKey.getEncoded())
                    + "\n-----END PRIVATE KEY-----\n");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return new Issued(store, certificate, key);
    }

    private static void keytool(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                .toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
