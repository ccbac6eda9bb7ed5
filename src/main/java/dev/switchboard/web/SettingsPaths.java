package dev.switchboard.web;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which paths on the Switchboard host a reader of a settings table may see. An ADMIN sees the
 * absolute path; anyone else sees a script relative to the directory of cluster.yml and a disk
 * relative to the data directory, as they are written in cluster.yml, and nothing of a path
 * that climbs to the file system root (that would be the absolute path in disguise).
 *
 * @param definitionDir the directory of cluster.yml, against which scripts are resolved
 * @param dataDir       the data directory, against which disk devices are resolved
 * @param admin         whether the reader is an ADMIN (decided on the server, from the session)
 */
record SettingsPaths(Path definitionDir, Path dataDir, boolean admin) {

    SettingsPaths {
        definitionDir = definitionDir.toAbsolutePath().normalize();
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    /** A script as the reader may see it; empty when it is hidden from them. */
    Optional<String> script(Path script) {
        return shown(script, definitionDir);
    }

    /** A disk's data directory as the reader may see it; empty when it is hidden from them. */
    Optional<String> device(Path device) {
        return shown(device, dataDir);
    }

    /**
     * A command line with every absolute path in it (a word, or the value of a {@code key=} word)
     * replaced by {@code hidden} unless the reader is an ADMIN.
     */
    String command(List<String> words, String hidden) {
        return words.stream().map(w -> admin ? w : masked(w, hidden)).collect(Collectors.joining(" "));
    }

    private Optional<String> shown(Path path, Path base) {
        if (admin) {
            return Optional.of(path.toString());
        }
        if (!path.isAbsolute()) {
            return Optional.of(path.toString());
        }
        Path relative = base.relativize(path.normalize());
        int climbs = 0;
        while (climbs < relative.getNameCount() && relative.getName(climbs).toString().equals("..")) {
            climbs++;
        }
        return climbs >= base.getNameCount() ? Optional.empty() : Optional.of(relative.toString());
    }

    private static String masked(String word, String hidden) {
        if (word.startsWith("/")) {
            return hidden;
        }
        int equals = word.indexOf('=');
        return equals >= 0 && word.startsWith("/", equals + 1) ? word.substring(0, equals + 1) + hidden : word;
    }
}
