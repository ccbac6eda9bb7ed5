package dev.switchboard.database;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * {@code switchboard backup <file> [--data-dir <dir>]} copies the database while Switchboard runs;
 * {@code switchboard restore <file> [--data-dir <dir>]} puts such a copy back with Switchboard
 * stopped. Both exit 0 when done and 1 with the problem and its fix.
 */
public final class BackupCommand {

    public static final String BACKUP = "backup";
    public static final String RESTORE = "restore";

    private BackupCommand() {
    }

    /** Whether {@code command} is one of these. */
    public static boolean handles(String command) {
        return BACKUP.equals(command) || RESTORE.equals(command);
    }

    public static int run(String command, List<String> args, PrintStream out, PrintStream err) {
        Path file = null;
        Path dataDir = Path.of("./data");
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--data-dir") && i + 1 < args.size()) {
                dataDir = Path.of(args.get(++i));
            } else if (file == null && !args.get(i).startsWith("--")) {
                file = Path.of(args.get(i));
            } else {
                err.println("switchboard " + command + ": unknown argument '" + args.get(i) + "'. Usage: switchboard "
                        + command + " <file.zip> [--data-dir <dir>]");
                return 2;
            }
        }
        if (file == null) {
            err.println("switchboard " + command + ": name the backup file. Usage: switchboard " + command
                    + " <file.zip> [--data-dir <dir>]");
            return 2;
        }
        DatabaseBackups backups = new DatabaseBackups(dataDir, Clock.systemUTC());
        try {
            if (command.equals(BACKUP)) {
                out.println("Backed the database up to " + backups.backup(file));
            } else {
                Path kept = backups.restore(file);
                out.println("Restored the database from " + file.toAbsolutePath().normalize()
                        + ". The database it replaced is in " + kept + ". Start Switchboard; its audit page checks the chain.");
            }
            return 0;
        } catch (DatabaseBackups.DatabaseProblem e) {
            err.println("switchboard " + command + ": " + e.getMessage());
            return 1;
        }
    }
}
