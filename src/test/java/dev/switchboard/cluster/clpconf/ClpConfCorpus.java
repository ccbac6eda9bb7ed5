package dev.switchboard.cluster.clpconf;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared corpus of real clp.conf files (not copied into the project: no license). Found by the
 * system property {@code clpconf.corpus}, the environment variable {@code CLPCONF_CORPUS}, or
 * {@code ../shared/corpus/clpconf} next to the project. Missing, a test is skipped with a message,
 * and fails on CI ({@code CI=true}).
 */
public final class ClpConfCorpus {

    private ClpConfCorpus() {
    }

    public static Path dir() {
        String configured = System.getProperty("clpconf.corpus", System.getenv("CLPCONF_CORPUS"));
        Path dir = Path.of(configured == null || configured.isBlank() ? "../shared/corpus/clpconf" : configured);
        if (!Files.isDirectory(dir)) {
            String message = "The clp.conf corpus is not at " + dir.toAbsolutePath() + "; set -Dclpconf.corpus=<dir> or"
                    + " CLPCONF_CORPUS to the folder holding the corpus's *.conf files.";
            if ("true".equals(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        return dir;
    }

    public static Path file(String name) {
        return dir().resolve(name);
    }

    public static List<Path> files() {
        try (var listed = Files.list(dir())) {
            return listed.filter(p -> p.getFileName().toString().endsWith(".conf")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
