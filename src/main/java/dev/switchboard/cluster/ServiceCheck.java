package dev.switchboard.cluster;

/**
 * How to tell that a group's service really answers: a GET of {@code url} must answer 200 with
 * {@code expect} in the body, where {@code {server}} stands for the server that runs the group.
 * {@code acceptSelfSigned}: on https, a self-signed server certificate is accepted too (and the
 * move's record says so); otherwise only certificates of trusted CAs.
 */
public record ServiceCheck(String url, String expect, boolean acceptSelfSigned) {

    public ServiceCheck(String url, String expect) {
        this(url, expect, false);
    }

    public String expectedOn(String server) {
        return expect.replace("{server}", server);
    }
}
