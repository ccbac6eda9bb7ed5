package dev.switchboard.engine.pacemaker;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a poll must read the whole cluster again, from a cheap question first: the CIB's top
 * element without children (its {@code admin_epoch}, {@code epoch} and {@code num_updates}, which
 * Pacemaker raises on every change of configuration and status, and the DC and quorum). crm_mon
 * costs tens of milliseconds of CPU on a large cluster; when the CIB is the same as at the last full
 * read, so is crm_mon's picture, except what Pacemaker keeps outside the CIB (the fencing history),
 * so a full read still happens at least every {@code maxAge}. An answer without the three numbers
 * always asks for a full read: when in doubt, read.
 */
final class CibVersionCheck {

    /** The {@code <cib>} element alone: a few hundred bytes however large the cluster. */
    static final String[] COMMAND = {"cibadmin", "-Q", "--xpath", "/cib", "--no-children"};
    private static final Pattern CIB = Pattern.compile("<cib\\s[^>]*>");
    private static final Pattern COUNTER = Pattern.compile("\\s(admin_epoch|epoch|num_updates)=\"\\d+\"");

    private final long maxAgeNanos;
    private String lastVersion;
    private long lastFullReadNanos;

    CibVersionCheck(Duration maxAge) {
        this.maxAgeNanos = maxAge.toNanos();
    }

    /**
     * The version in an answer to {@link #COMMAND}: its {@code <cib>} element, all attributes
     * included (any of them changing means read again); null when it lacks any of the counters.
     */
    static String version(String answer) {
        Matcher cib = CIB.matcher(answer);
        if (!cib.find()) {
            return null;
        }
        String element = cib.group();
        return COUNTER.matcher(element).results().map(m -> m.group(1)).distinct().count() == 3 ? element : null;
    }

    /** True unless {@code answer} shows the CIB of the last full read, and that read is younger than the max age. */
    synchronized boolean needsFullRead(String answer, long nowNanos) {
        String version = version(answer);
        return version == null || !version.equals(lastVersion) || nowNanos - lastFullReadNanos >= maxAgeNanos;
    }

    /** True before the first full read and once the last is {@code maxAge} old. */
    synchronized boolean fullReadDue(long nowNanos) {
        return lastVersion == null || nowNanos - lastFullReadNanos >= maxAgeNanos;
    }

    /**
     * Notes a full read that started after {@code answer} was given (so it shows that version or a
     * later one; a later one only makes the next check read again).
     */
    synchronized void fullReadDone(String answer, long startedNanos) {
        lastVersion = version(answer);
        lastFullReadNanos = startedNanos;
    }
}
