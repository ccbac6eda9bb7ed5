package dev.switchboard.cluster;

/**
 * A server of the cluster. {@code installDir} is where the application lives on it
 * (optional; passed to scripts).
 */
public record ServerDefinition(String name, String address, String installDir) {
}
