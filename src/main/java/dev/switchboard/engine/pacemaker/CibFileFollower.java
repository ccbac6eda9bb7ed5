package dev.switchboard.engine.pacemaker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CIB's change stream when Pacemaker's tools work on a file ({@code CIB_file}): crm_mon has no
 * stream there (it ends at once), but every change is a write of the file, which a look at its
 * attributes (size, time, inode; no process started, no byte read) finds within {@link #LOOK}.
 */
final class CibFileFollower implements ChangeFollower {

    private static final Logger log = LoggerFactory.getLogger(CibFileFollower.class);
    static final Duration LOOK = Duration.ofMillis(100);

    private final Path file;
    private final String node;
    private final Runnable onChange;
    private volatile Thread watcher;
    private volatile boolean closed;

    CibFileFollower(Path file, String node, Runnable onChange) {
        this.file = file;
        this.node = node;
        this.onChange = onChange;
    }

    @Override
    public String name() {
        return "CIB file " + file + " (CIB changes)";
    }

    @Override
    public String node() {
        return node;
    }

    @Override
    public synchronized void start() {
        if (closed || running()) {
            return;
        }
        Thread thread = new Thread(this::watch, "pacemaker-cib-file");
        thread.setDaemon(true);
        watcher = thread;
        thread.start();
    }

    @Override
    public boolean running() {
        Thread thread = watcher;
        return thread != null && thread.isAlive();
    }

    private void watch() {
        Object seen = look();
        while (!closed) {
            try {
                Thread.sleep(LOOK.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            Object now = look();
            if (!Objects.equals(now, seen)) {
                seen = now;
                try {
                    onChange.run();
                } catch (RuntimeException e) {
                    log.warn("{}: telling of a change failed: {}", name(), e.getMessage());
                }
            }
        }
    }

    /** What changes when the file is written or replaced; a missing file is a state of its own. */
    private Object look() {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return java.util.List.of(a.size(), a.lastModifiedTime(), String.valueOf(a.fileKey()));
        } catch (NoSuchFileException e) {
            return "missing";
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    @Override
    public void close() {
        closed = true;
        Thread thread = watcher;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
