package dev.switchboard.cluster;

/**
 * A symbolic link that must exist on a server before the group may run there, e.g. the install
 * directory's {@code config} pointing to the shared disk's {@code config} folder.
 */
public record LinkCheck(String link, String target) {
}
