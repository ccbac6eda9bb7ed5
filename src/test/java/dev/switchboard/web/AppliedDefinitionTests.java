package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppliedDefinitionTests {

    private static final Instant LOADED = Instant.parse("2026-12-04T21:00:00.250Z");
    private static final Instant EDITED = Instant.parse("2026-12-01T09:30:00Z");

    @TempDir
    Path dir;

    @Test
    void appliedWhenLoadedWithTheFilesTimeAndWhetherItChangedSince() throws IOException {
        Path file = Files.writeString(dir.resolve("cluster.yml"), "cluster: {name: c}\n");
        Files.setLastModifiedTime(file, FileTime.from(EDITED));
        AppliedDefinition applied = new AppliedDefinition(file, LOADED);

        assertThat(applied.apiFields()).isEqualTo(Map.of("lastAppliedDate", "2026-12-04T21:00:00Z", "switchboard",
                Map.of("fileModifiedDate", "2026-12-01T09:30:00Z", "changedSinceApplied", false)));

        Files.setLastModifiedTime(file, FileTime.from(LOADED.plusSeconds(60)));
        assertThat(applied.apiFields()).isEqualTo(Map.of("lastAppliedDate", "2026-12-04T21:00:00Z", "switchboard",
                Map.of("fileModifiedDate", "2026-12-01T09:30:00Z", "changedSinceApplied", true)));
    }

    @Test
    void withoutAReadableFileOnlyWhenItWasApplied() {
        assertThat(new AppliedDefinition(dir.resolve("missing.yml"), LOADED).apiFields())
                .isEqualTo(Map.of("lastAppliedDate", "2026-12-04T21:00:00Z"));
        assertThat(new AppliedDefinition(null, LOADED).apiFields())
                .isEqualTo(Map.of("lastAppliedDate", "2026-12-04T21:00:00Z"));
    }
}
