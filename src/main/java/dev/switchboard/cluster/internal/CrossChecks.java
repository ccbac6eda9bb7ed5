package dev.switchboard.cluster.internal;

import java.nio.file.Path;

/**
 * The checks that span several parts of cluster.yml or look beyond it, run after the reading so
 * that every declaration is known: {@link UniquenessChecks}, {@link ReferenceChecks} and
 * {@link HostChecks}.
 */
public final class CrossChecks {

    private CrossChecks() {
    }

    public static void run(Declarations declared, Path file, Path dataDir, boolean embedded, Problems problems) {
        new UniquenessChecks(problems).check(declared);
        new ReferenceChecks(problems).check(declared);
        new HostChecks(file, dataDir, embedded, problems).check(declared);
    }
}
