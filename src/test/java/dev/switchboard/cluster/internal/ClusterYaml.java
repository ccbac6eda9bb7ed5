package dev.switchboard.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.ClusterDefinitionInvalid;
import dev.switchboard.cluster.ClusterDefinitionReader;
import dev.switchboard.cluster.ConfigProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Writes small cluster.yml files into a temporary directory (config/cluster.yml, with executable
 * scripts/ok.sh and non-executable scripts/plain.sh beside it, and a data directory) and reads
 * them with the real reader.
 */
final class ClusterYaml {

    /** A valid embedded cluster of seven lines that tests extend. */
    static final String MINIMAL = """
            cluster: {name: c}
            servers: [{name: srv1, address: 127.0.0.21}, {name: srv2, address: 127.0.0.22}]
            groups:
              - name: g
                servers: [srv1, srv2]
                resources:
                  - {name: svc, type: service, command: [/bin/sleep, "1000"]}
            """;

    final Path dataDir;
    final Path file;

    ClusterYaml(Path tempDir) {
        try {
            this.dataDir = Files.createDirectories(tempDir.resolve("data"));
            Path config = Files.createDirectories(tempDir.resolve("config/scripts"));
            Files.writeString(config.resolve("ok.sh"), "#!/bin/sh\nexit 0\n");
            Files.setPosixFilePermissions(config.resolve("ok.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.writeString(config.resolve("plain.sh"), "#!/bin/sh\nexit 0\n");
            Files.setPosixFilePermissions(config.resolve("plain.sh"), PosixFilePermissions.fromString("rw-r--r--"));
            this.file = tempDir.resolve("config/cluster.yml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ClusterDefinition read(String yaml) {
        return read(yaml, true);
    }

    ClusterDefinition read(String yaml, boolean embedded) {
        write(yaml);
        return new ClusterDefinitionReader(dataDir, embedded).read(file);
    }

    List<ConfigProblem> problems(String yaml) {
        return problems(yaml, true);
    }

    List<ConfigProblem> problems(String yaml, boolean embedded) {
        write(yaml);
        ClusterDefinitionInvalid invalid = catchThrowableOfType(ClusterDefinitionInvalid.class,
                () -> new ClusterDefinitionReader(dataDir, embedded).read(file));
        assertThat(invalid).as("the reader refuses the file").isNotNull();
        assertThat(invalid.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo(file.toString()));
        return invalid.problems();
    }

    /** The one problem the file has (fails if it has none or several). */
    ConfigProblem onlyProblem(String yaml) {
        return onlyProblem(yaml, true);
    }

    ConfigProblem onlyProblem(String yaml, boolean embedded) {
        List<ConfigProblem> problems = problems(yaml, embedded);
        assertThat(problems).as("problems").hasSize(1);
        return problems.get(0);
    }

    /** The problem is at {@code path} on {@code line}, says {@code problem} and proposes {@code fix} (each a part of the text). */
    static void assertProblem(ConfigProblem p, String path, int line, String problem, String fix) {
        assertThat(p.path()).as("key path of %s", p.describe()).isEqualTo(path);
        assertThat(p.line()).as("line of %s", p.describe()).isEqualTo(line);
        assertThat(p.problem()).as("problem").contains(problem);
        assertThat(p.fix()).as("fix").contains(fix);
    }

    Path script(String name) {
        return file.resolveSibling("scripts").resolve(name);
    }

    private void write(String yaml) {
        try {
            Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
