package dev.switchboard.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The limit of open live-update streams is reached: 503 with a Retry-After, the page tries again later. */
final class TooManyLiveStreams extends ResponseStatusException {

    static final String RETRY_AFTER_SECONDS = "10";

    TooManyLiveStreams(int limit) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "too many live-update streams are open (switchboard.live-updates"
                + ".max-subscribers is " + limit + "); close some pages or raise the setting; retry in "
                + RETRY_AFTER_SECONDS + " seconds");
    }

    @Override
    public HttpHeaders getHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return headers;
    }
}
