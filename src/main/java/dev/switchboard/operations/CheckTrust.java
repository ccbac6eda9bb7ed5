package dev.switchboard.operations;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The trust of one service check: a server certificate that one of the trusted CAs vouches for
 * (with its host name checked), or, when the check says {@code accept-self-signed: true}, a
 * certificate that signed itself and is within its validity; that exception is remembered so that
 * the operation's record can say the certificate was accepted by that setting.
 */
final class CheckTrust extends X509ExtendedTrustManager {

    private final List<X509ExtendedTrustManager> trusted;
    private final boolean acceptSelfSigned;
    private final SSLContext context;
    private volatile boolean selfSignedAccepted;

    CheckTrust(List<X509ExtendedTrustManager> trusted, boolean acceptSelfSigned) {
        this.trusted = trusted;
        this.acceptSelfSigned = acceptSelfSigned;
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

    /** Whether a certificate was let through only because the check accepts a self-signed one. */
    boolean selfSignedAccepted() {
        return selfSignedAccepted;
    }

    private interface Check {
        void run(X509ExtendedTrustManager manager) throws CertificateException;
    }

    private void decide(X509Certificate[] chain, Check check) throws CertificateException {
        CertificateException first = null;
        for (X509ExtendedTrustManager manager : trusted) {
            try {
                check.run(manager);
                return;
            } catch (CertificateException e) {
                first = first == null ? e : first;
            }
        }
        if (acceptSelfSigned && chain != null && chain.length > 0 && selfSigned(chain[0])) {
            selfSignedAccepted = true;
            return;
        }
        throw first != null ? first : new CertificateException("no trusted CA");
    }

    static boolean selfSigned(X509Certificate certificate) {
        try {
            certificate.checkValidity();
            certificate.verify(certificate.getPublicKey());
            return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
        } catch (GeneralSecurityException e) {
            return false;
        }
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
