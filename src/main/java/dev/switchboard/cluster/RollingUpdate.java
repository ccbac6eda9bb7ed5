package dev.switchboard.cluster;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a group's application is updated server by server: where each server keeps its installed
 * version ({@code versionFile}, read on the server) and, optionally, the command that installs a
 * version on a server ({@code updateCommand}, run with the server and the version as arguments).
 */
public record RollingUpdate(String versionFile, Path updateCommand, Duration updateTimeout) {
}
