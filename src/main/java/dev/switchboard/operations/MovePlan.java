package dev.switchboard.operations;

import java.time.Duration;
import java.util.List;

/**
 * What a move will do before it does it: the checks, the ordered steps with their expected
 * durations (null: no history yet), the expected client-visible outage and the impact notes;
 * {@code fromClusterManager} when the steps are the cluster manager's own plan (Pacemaker's scheduler).
 */
public record MovePlan(String group, String from, String to, List<Check> checks, List<Step> steps,
                       Duration expectedOutage, List<String> impactNotes, boolean fromClusterManager) {

    public record Step(String action, String resource, String server, Duration expected) {
    }

    public boolean blocked() {
        return checks.stream().anyMatch(c -> c.verdict() == Check.Verdict.FAIL);
    }

    public boolean needsAcknowledgement() {
        return checks.stream().anyMatch(c -> c.verdict() == Check.Verdict.WARN);
    }
}
