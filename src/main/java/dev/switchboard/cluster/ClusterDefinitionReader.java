package dev.switchboard.cluster;

import dev.switchboard.cluster.internal.ClusterFile;
import dev.switchboard.cluster.internal.ClusterReading;
import dev.switchboard.cluster.internal.CrossChecks;
import dev.switchboard.cluster.internal.Declarations;
import dev.switchboard.cluster.internal.Problems;
import dev.switchboard.cluster.internal.YamlMapping;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads cluster.yml and checks it completely: every problem is reported with the file, the
 * line, the key path, what is wrong and how to fix it, in the order of the file.
 *
 * <p>Relative script paths are resolved against the directory of cluster.yml, relative disk
 * devices against the data directory. With {@code embedded}, addresses must be loopback ones
 * because the embedded engine binds them on this host; without it (a cluster manager runs the
 * cluster) resources and monitors come from the manager and must not be declared. An
 * {@linkplain #overlay overlay} (Pacemaker's) may also leave out the cluster's name, the servers and
 * each group's servers, and a server's address: the cluster manager knows them.
 *
 * <p>The reading ({@link ClusterReading}, key path by key path) checks each value on its own; the
 * {@link CrossChecks} then compare the parts: unique names, references, and the host's files.
 */
public final class ClusterDefinitionReader {

    private final Path dataDir;
    private final boolean embedded;
    private final boolean overlay;

    /** Everything required: the embedded engine's file, or CLUSTERPRO's (servers and groups named). */
    public ClusterDefinitionReader(Path dataDir, boolean embedded) {
        this(dataDir, embedded, false);
    }

    private ClusterDefinitionReader(Path dataDir, boolean embedded, boolean overlay) {
        this.dataDir = dataDir;
        this.embedded = embedded;
        this.overlay = overlay;
    }

    /**
     * For a cluster manager that tells the nodes and groups itself (Pacemaker's CIB): the file adds
     * what only operators know, so {@code cluster}, {@code servers}, {@code groups}, a group's
     * {@code servers} and a server's {@code address} may be left out. The definition read has then
     * a null name, no servers, empty server lists and null addresses where the file says nothing;
     * whether the names it gives exist is for the engine to check against the cluster.
     */
    public static ClusterDefinitionReader overlay(Path dataDir) {
        return new ClusterDefinitionReader(dataDir, false, true);
    }

    /** @throws ClusterDefinitionInvalid with every problem found */
    public ClusterDefinition read(Path file) {
        Problems problems = new Problems(file.toString());
        Optional<YamlMapping> top = ClusterFile.top(file, problems);
        if (top.isEmpty()) {
            throw new ClusterDefinitionInvalid(file.toString(), problems.inFileOrder());
        }
        Declarations declared = new ClusterReading(file, dataDir, embedded, overlay, problems).read(top.get());
        CrossChecks.run(declared, file, dataDir, embedded, problems);
        if (!problems.isEmpty()) {
            throw new ClusterDefinitionInvalid(file.toString(), problems.inFileOrder());
        }
        return declared.definition();
    }
}
