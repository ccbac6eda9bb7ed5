package dev.switchboard.web;

import dev.switchboard.cluster.ClusterDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * When the cluster definition Switchboard runs was applied: Switchboard reads cluster.yml once,
 * as it starts, and runs that definition until it stops, so it was applied when it was loaded.
 * Beside it, the file's modification time as loaded, and whether the file was changed since
 * (edits that take effect at the next start), which is what an operator asks after editing it.
 */
@Component
class AppliedDefinition {

    private final @Nullable Path file;
    private final Instant appliedAt;
    private final Optional<Instant> modifiedAt;

    @Autowired
    AppliedDefinition(ClusterDefinition definition) {
        this(definition.source(), Instant.now());
    }

    AppliedDefinition(@Nullable Path file, Instant appliedAt) {
        this.file = file;
        this.appliedAt = appliedAt;
        this.modifiedAt = modified(file);
    }

    /**
     * {@code lastAppliedDate} in the vendor's ISO 8601; under {@code switchboard}, the file's
     * modification time as loaded and whether it changed since (both left out without a readable file).
     */
    Map<String, Object> apiFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("lastAppliedDate", iso(appliedAt));
        if (modifiedAt.isPresent()) {
            Optional<Instant> now = modified(file);
            Map<String, Object> own = new LinkedHashMap<>();
            own.put("fileModifiedDate", iso(modifiedAt.get()));
            own.put("changedSinceApplied", now.isPresent() && !now.get().equals(modifiedAt.get()));
            fields.put("switchboard", own);
        }
        return fields;
    }

    private static Optional<Instant> modified(@Nullable Path file) {
        try {
            return file == null || !Files.isRegularFile(file) ? Optional.empty()
                    : Optional.of(Files.getLastModifiedTime(file).toInstant());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String iso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
