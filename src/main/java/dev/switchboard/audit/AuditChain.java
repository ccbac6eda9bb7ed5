package dev.switchboard.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** The hash of one event: SHA-256 over its predecessor's hash and every field, each length-prefixed. */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    static String hash(String prevHash, long id, Instant at, String actor, String role, String source, String action,
                       String target, String outcome, String details) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (String field : new String[] {prevHash, Long.toString(id), at.toString(), actor, role, source, action,
                target, outcome, details}) {
            byte[] bytes = field == null ? new byte[0] : field.getBytes(StandardCharsets.UTF_8);
            sha.update((field == null ? "-1:" : bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            sha.update(bytes);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    static String hash(AuditEvent e) {
        return hash(e.prevHash(), e.id(), e.at(), e.actor(), e.role(), e.source(), e.action(), e.target(), e.outcome(),
                e.details());
    }
}
