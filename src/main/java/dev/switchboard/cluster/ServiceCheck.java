package dev.switchboard.cluster;

import java.util.List;

/**
 * How to tell that a group's service really answers: a GET of {@code url} must answer 200 with
 * {@code expect} in the body, where {@code {server}} stands for the server that runs the group.
 * {@code acceptCertificates}: on https, server certificates pinned by their SHA-256 fingerprint, as
 * {@code sha256/<64 lowercase hex digits>}, accepted whoever issued them (and the move's record
 * names the one accepted); any other certificate must come from a trusted CA.
 */
public record ServiceCheck(String url, String expect, List<String> acceptCertificates) {

    public ServiceCheck {
        acceptCertificates = List.copyOf(acceptCertificates);
    }

    public ServiceCheck(String url, String expect) {
        this(url, expect, List.of());
    }

    public String expectedOn(String server) {
        return expect.replace("{server}", server);
    }
}
