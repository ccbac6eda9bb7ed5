package dev.switchboard.cluster;

/**
 * How to tell that a group's service really answers: a GET of {@code url} must answer 200 with
 * {@code expect} in the body, where {@code {server}} stands for the server that runs the group.
 */
public record ServiceCheck(String url, String expect) {

    public String expectedOn(String server) {
        return expect.replace("{server}", server);
    }
}
