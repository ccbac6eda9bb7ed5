package dev.switchboard.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.springframework.stereotype.Service;

/**
 * Recomputes the whole hash chain on request: the archive files first (each must also match the
 * checksum recorded when it was written), then the events in the database, which must continue
 * from the last archived hash and reach the last event this Switchboard wrote.
 */
@Service
public class AuditIntegrity {

    private final AuditTrail trail;
    private final AuditWriter writer;
    private final AuditArchives archives;
    private final AtomicReference<ChainCheck> last = new AtomicReference<>();
    /**
     * Archiving (write) excludes checks and exports (read): neither may see rows leave the table
     * half-way through. One check runs at a time; a request that arrives meanwhile gets its result.
     */
    final ReentrantReadWriteLock archiving = new ReentrantReadWriteLock();
    private final ReentrantLock checking = new ReentrantLock();

    AuditIntegrity(AuditTrail trail, AuditWriter writer, AuditArchives archives) {
        this.trail = trail;
        this.writer = writer;
        this.archives = archives;
    }

    /** Runs the check, records who ran it and what it found, and keeps the result for the page. */
    public ChainCheck check(AuditActor actor) {
        ChainCheck result = check(actor.name());
        writer.write(new AuditRecord(actor.name(), actor.role(), actor.source(), "audit-verified", "audit trail",
                result.intact() ? AuditRecord.Outcome.SUCCESS : AuditRecord.Outcome.FAILURE,
                result.describe() + " (" + result.checked() + " events, " + result.archivedChecked()
                        + " of them archived, " + result.millis() + " ms)"));
        return result;
    }

    ChainCheck check(String by) {
        if (!checking.tryLock()) {
            checking.lock(); // a check is running: wait for it and share its result
            checking.unlock();
            return last.get();
        }
        archiving.readLock().lock();
        long started = System.nanoTime();
        try {
            long lastWritten = trail.lastWritten().id();
            ChainWalk walk = new ChainWalk();
            for (AuditArchives.Archive archive : archives.all()) {
                walkArchive(archive, walk);
            }
            long archived = walk.checked();
            if (walk.intact()) {
                trail.forEachBetween(walk.lastGood(), Long.MAX_VALUE, walk::accept);
            }
            if (walk.intact() && walk.lastGood() < lastWritten) {
                walk.broken(walk.lastGood() + 1, "events " + (walk.lastGood() + 1) + " to " + lastWritten
                        + " are missing (this Switchboard wrote them)");
            }
            ChainCheck result = new ChainCheck(walk.intact(), walk.lastGood(), walk.brokenAt(), walk.checked(),
                    walk.problem(), archived, Instant.now(), by,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            last.set(result);
            return result;
        } finally {
            archiving.readLock().unlock();
            checking.unlock();
        }
    }

    private void walkArchive(AuditArchives.Archive archive, ChainWalk walk) {
        if (!walk.intact()) {
            return;
        }
        // named without its directory: the result is shown to every reader
        String name = archive.fileName();
        Path file = archives.file(name);
        try {
            if (!Files.isRegularFile(file)) {
                walk.broken(archive.firstId(), "the archive file " + name + " is missing");
                return;
            }
            AuditArchiveFile.read(file, walk::accept);
            if (walk.intact() && (walk.lastGood() != archive.lastId() || !walk.lastHash().equals(archive.lastHash()))) {
                walk.broken(walk.lastGood() + 1, "the archive file " + name + " ends before event " + archive.lastId());
            } else if (walk.intact() && !AuditArchiveFile.sha256(file).equals(archive.fileSha256())) {
                walk.broken(archive.firstId(), "the archive file " + name + " differs from the one written");
            }
        } catch (IOException | RuntimeException e) {
            walk.broken(archive.firstId(), "the archive file " + name + " cannot be read: " + e.getMessage());
        }
    }

    /** The most recent check since Switchboard started, if any. */
    public Optional<ChainCheck> lastCheck() {
        return Optional.ofNullable(last.get());
    }
}
