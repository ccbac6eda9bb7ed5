package dev.switchboard.cluster;

/**
 * When a monitor runs: always, or only while {@code targetResource} is active and only on the
 * server where it is active.
 */
public record MonitorTiming(String targetResource) {

    public static final MonitorTiming ALWAYS = new MonitorTiming(null);

    public boolean always() {
        return targetResource == null;
    }
}
