package dev.switchboard.cluster.clpconf;

/** The clp.conf cannot be imported; the message names the file, the parts and the fix. */
public class ClpConfRefused extends RuntimeException {

    public ClpConfRefused(String message) {
        super(message);
    }
}
