package dev.switchboard.cluster.internal;

import java.nio.file.Path;

/**
 * A path on the host Switchboard runs on (a script or a disk's directory), as written under
 * {@code key} and as resolved, so a check can quote the text the operator wrote.
 */
record LocalPath(String key, String text, Path resolved) {
}
