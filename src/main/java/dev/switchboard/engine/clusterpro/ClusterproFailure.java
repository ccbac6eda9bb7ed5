package dev.switchboard.engine.clusterpro;

import dev.switchboard.Translatable;
import dev.switchboard.engine.OperationFailed;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * A request to the vendor's API that did not get a successful answer: which server, why (as a
 * {@link Cause}) and, for an answer, its status and the server's own message. The text names
 * the server, the cause and the fix.
 */
final class ClusterproFailure extends OperationFailed {

    enum Cause {
        /** No server answered (connection refused, timed out, no route). */
        UNREACHABLE,
        /** 401: wrong user or password. */
        UNAUTHORIZED,
        /** 403: the account may not do this. */
        FORBIDDEN,
        /** The server's certificate is not trusted (or not for this address). */
        UNTRUSTED,
        /** Not the vendor's JSON envelope. */
        BAD_ANSWER,
        /** 404: an unknown name or an endpoint this version does not have. */
        NOT_FOUND,
        /** 409: the group is busy, or the cluster refuses in its state. */
        CONFLICT,
        /** Any other refusal: another status, or a non-zero result code. */
        REFUSED
    }

    private final Cause cause;
    private final @Nullable URI server;
    private final int status;
    private final String serverMessage;
    private final boolean busy;

    ClusterproFailure(Cause cause, @Nullable URI server, int status, String serverMessage, boolean busy,
                      Translatable text) {
        super(text);
        this.cause = cause;
        this.server = server;
        this.status = status;
        this.serverMessage = serverMessage;
        this.busy = busy;
    }

    Cause cause() {
        return cause;
    }

    /** The server that answered (or did not); null when it concerns all of them. */
    @Nullable
    URI server() {
        return server;
    }

    /** The HTTP status, 0 when there was no answer. */
    int status() {
        return status;
    }

    /** What the server said ({@code result.message}), empty when nothing. */
    String serverMessage() {
        return serverMessage;
    }

    /** A 409 that names the operation holding the group (Switchboard's own API says who). */
    boolean busy() {
        return busy;
    }
}
