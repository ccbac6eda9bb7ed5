package dev.switchboard.engine.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Keeps a second Switchboard from running the same data directory's cluster at the same time. */
final class DataDirLock {

    private final Path file;
    private FileChannel channel;
    private FileLock lock;

    DataDirLock(Path dataDir) {
        this.file = dataDir.resolve("engine/.lock");
    }

    synchronized void acquire() {
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by another engine in this JVM
        } catch (IOException e) {
            throw new IllegalStateException("cannot lock " + file + ": " + e.getMessage(), e);
        }
        if (lock == null) {
            release();
            throw new IllegalStateException("Another Switchboard already runs the cluster in " + file.getParent().getParent()
                    + ". Stop it, or give this one its own switchboard.data-dir.");
        }
    }

    synchronized void release() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // the lock goes with the process anyway
        }
        lock = null;
        channel = null;
    }
}
