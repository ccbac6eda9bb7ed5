package dev.switchboard.cluster.clpconf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where an exec's scripts are. clp.conf holds only a name: {@code start.sh} means the package's
 * {@code scripts/<group>/<resource>/start.sh}, an absolute path a script on the servers. With
 * {@code --scripts <dir>} (the package's scripts directory) the scripts found there are referred to;
 * every script not found on this host is listed as missing.
 */
final class Scripts {

    /** A script cluster.yml refers to that is not on this host, by the clp.conf path that names it. */
    record Missing(String clpPath, String written) {
    }

    private final Path dir;
    private final Path outputDir;
    private final Coverage coverage;
    private final List<Missing> missing = new ArrayList<>();

    /**
     * @param dir       the package's scripts directory, or null when none was given
     * @param outputDir the directory cluster.yml is written to, or null for standard output (then paths are absolute)
     */
    Scripts(Path dir, Path outputDir, Coverage coverage) {
        this.dir = dir == null ? null : dir.toAbsolutePath().normalize();
        this.outputDir = outputDir == null ? null : outputDir.toAbsolutePath().normalize();
        this.coverage = coverage;
    }

    ResourceMapping.Entry entry(ClpElement exec, String group, String key, String clpPath, String defaultName) {
        Optional<ClpElement> element = exec.child(clpPath);
        element.ifPresent(coverage::use);
        String name = exec.text(clpPath).orElse(defaultName);
        String source = element.isPresent() ? "clp.conf " + clpPath.replace("parameters/", "") + " " + name
                : "vendor default " + defaultName + " [U]";
        String written;
        Path onHost;
        if (name.startsWith("/")) {
            written = name;
            onHost = Path.of(name);
            source += " (a path on the servers)";
        } else {
            Path relative = Path.of(group, exec.name(), Path.of(name).getFileName().toString());
            if (dir == null) {
                written = "scripts/" + relative.toString().replace('\\', '/');
                onHost = outputDir == null ? null : outputDir.resolve(written);
            } else {
                onHost = dir.resolve(relative);
                written = (outputDir == null ? onHost : outputDir.relativize(onHost)).toString();
            }
        }
        if (onHost == null || !Files.isRegularFile(onHost)) {
            missing.add(new Missing(exec.path() + "/" + clpPath, written));
            source += "; MISSING";
        }
        return new ResourceMapping.Entry(key, YamlText.scalar(written), source);
    }

    List<Missing> missing() {
        return List.copyOf(missing);
    }
}
