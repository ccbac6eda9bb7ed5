package dev.switchboard.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash of one event: SHA-256 over its predecessor's hash and every field, each
 * length-prefixed. The fields added for the viewer (operation, group, server, states) are
 * hashed with their name and only when set, so events written before they existed still verify.
 */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    static String hash(AuditEvent e) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
        for (String field : new String[] {e.prevHash(), Long.toString(e.id()), e.at().toString(), e.actor(), e.role(),
                e.source(), e.action(), e.target(), e.outcome(), e.details()}) {
            add(sha, field);
        }
        String[][] optional = {{"operation", e.operationId()}, {"group", e.group()}, {"server", e.server()},
                {"before", e.stateBefore()}, {"after", e.stateAfter()}};
        for (String[] field : optional) {
            if (field[1] != null) {
                add(sha, field[0]);
                add(sha, field[1]);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void add(MessageDigest sha, String field) {
        byte[] bytes = field == null ? new byte[0] : field.getBytes(StandardCharsets.UTF_8);
        sha.update((field == null ? "-1:" : bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        sha.update(bytes);
    }
}
