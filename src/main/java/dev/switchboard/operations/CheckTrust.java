package dev.switchboard.operations;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The trust of one service check: a presented server certificate whose SHA-256 fingerprint the
 * check pins in {@code accept-certificates} (whoever issued it: the operator vouched for exactly
 * that certificate), or else one that a trusted CA vouches for, with its host name checked. The
 * pinned fingerprint that let a certificate through is remembered for the operation's record, and
 * the fingerprint of the last certificate presented for the failure message.
 */
final class CheckTrust extends X509ExtendedTrustManager {

    private final List<X509ExtendedTrustManager> trusted;
    private final Set<String> pinned;
    private final SSLContext context;
    private volatile String pinAccepted;
    private volatile String presented;

    CheckTrust(List<X509ExtendedTrustManager> trusted, List<String> acceptCertificates) {
        this.trusted = trusted;
        this.pinned = Set.copyOf(acceptCertificates);
        try {
            context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {this}, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS in this JVM: " + e.getMessage(), e);
        }
    }

    SSLContext context() {
        return context;
    }

    /** The pinned fingerprint that let the server's certificate through, if one did. */
    Optional<String> pinAccepted() {
        return Optional.ofNullable(pinAccepted);
    }

    /** The fingerprint of the last certificate the server presented, if it presented one. */
    Optional<String> presented() {
        return Optional.ofNullable(presented);
    }

    /** {@code sha256/<lowercase hex>} of the DER certificate, as accept-certificates writes it. */
    static String fingerprint(X509Certificate certificate) throws CertificateException {
        try {
            return "sha256/" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new CertificateException("no SHA-256 in this JVM", e);
        }
    }

    private interface Check {
        void run(X509ExtendedTrustManager manager) throws CertificateException;
    }

    private void decide(X509Certificate[] chain, Check check) throws CertificateException {
        if (chain != null && chain.length > 0) {
            String leaf = fingerprint(chain[0]);
            presented = leaf;
            if (pinned.contains(leaf)) {
                pinAccepted = leaf;
                return;
            }
        }
        CertificateException first = null;
        for (X509ExtendedTrustManager manager : trusted) {
            try {
                check.run(manager);
                return;
            } catch (CertificateException e) {
                first = first == null ? e : first;
            }
        }
        throw first != null ? first : new CertificateException("no trusted CA");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        decide(chain, m -> m.checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        decide(chain, m -> m.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        decide(chain, m -> m.checkServerTrusted(chain, authType));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("a service check is a client only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("a service check is a client only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a service check is a client only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return trusted.stream().flatMap(m -> java.util.Arrays.stream(m.getAcceptedIssuers()))
                .toArray(X509Certificate[]::new);
    }
}
