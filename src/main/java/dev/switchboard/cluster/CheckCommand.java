package dev.switchboard.cluster;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code java -jar switchboard.jar check [<cluster.yml>] [--engine embedded|pacemaker|clusterpro] [--data-dir <dir>]}:
 * reads cluster.yml with the same {@link ClusterDefinitionReader} checks as at start, without
 * starting Spring, the web server or an engine. Prints the problems and answers 1, or a short
 * summary and answers 0; a wrong command line answers 2. For operators editing the file and for CI.
 *
 * <p>With {@code pacemaker} only the file is checked, as the overlay it is there (name, servers and
 * groups' servers may be left out); the start reads the rest from the live CIB and checks the
 * names against it, which this command does not contact.
 */
public final class CheckCommand {

    public static final String NAME = "check";
    static final Path DEFAULT_FILE = Path.of("config/cluster.yml");
    static final Path DEFAULT_DATA_DIR = Path.of("./data");
    static final String USAGE = "Usage: java -jar switchboard.jar check [<cluster.yml>]"
            + " [--engine embedded|pacemaker|clusterpro] [--data-dir <dir>]";

    private CheckCommand() {
    }

    /** The exit code: 0 valid, 1 problems found, 2 the command line is wrong. */
    public static int run(List<String> args, PrintStream out) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            out.println(USAGE);
            return 2;
        }
        ClusterDefinition definition;
        try {
            definition = reader(options).read(options.file());
        } catch (ClusterDefinitionInvalid e) {
            out.println(e.getMessage());
            out.println("Fix the problems listed above in " + e.file() + " and run the check again.");
            return 1;
        }
        summarise(definition, options, out);
        return 0;
    }

    private static ClusterDefinitionReader reader(Options options) {
        return options.engine().equals("pacemaker") ? ClusterDefinitionReader.overlay(options.dataDir())
                : new ClusterDefinitionReader(options.dataDir(), options.embedded());
    }

    private static void summarise(ClusterDefinition definition, Options options, PrintStream out) {
        out.println("The cluster definition " + options.file() + " is valid for the "
                + options.engine() + " engine"
                + (options.embedded() ? " (data directory " + options.dataDir() + ")." : "."));
        String fromCib = " (read from the CIB at start)";
        out.println("Cluster: " + (definition.name() == null ? "the CIB's cluster-name" + fromCib : definition.name()));
        out.println("Servers: " + (definition.servers().isEmpty() ? "the CIB's nodes" + fromCib
                : definition.servers().stream().map(s -> s.name() + (s.address() == null ? "" : " (" + s.address() + ")"))
                .collect(Collectors.joining(", "))));
        out.println("Groups:");
        for (FailoverGroup group : definition.groups()) {
            long monitors = definition.monitors().stream().filter(m -> watches(m, group)).count();
            out.println("  " + group.name() + " on " + (group.servers().isEmpty() ? "the nodes Pacemaker allows"
                    : String.join(", ", group.servers())) + ": "
                    + (options.embedded() ? count(group.resources().size(), "resource") + ", "
                    + count(monitors, "monitor") : "resources and monitors are read from Pacemaker at start"));
        }
        long unattached = definition.monitors().stream()
                .filter(m -> definition.groups().stream().noneMatch(g -> watches(m, g))).count();
        if (unattached > 0) {
            out.println("Monitors of no group: " + unattached);
        }
    }

    /** Whether the monitor recovers the group or one of its resources, or runs where one of them is active. */
    static boolean watches(Monitor monitor, FailoverGroup group) {
        String target = monitor.recovery().target();
        return group.name().equals(target) || group.resource(target).isPresent()
                || (!monitor.timing().always() && group.resource(monitor.timing().targetResource()).isPresent());
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** The command line after {@code check}. */
    /** @param engine embedded, or an engine that reads the resources from its cluster (pacemaker, clusterpro) */
    record Options(Path file, String engine, Path dataDir) {

        boolean embedded() {
            return engine.equals("embedded");
        }


        static Options parse(List<String> args) {
            Path file = null;
            String engine = "embedded";
            Path dataDir = DEFAULT_DATA_DIR;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                switch (arg) {
                    case "--engine" -> engine = engine(value(args, ++i, arg));
                    case "--data-dir" -> dataDir = Path.of(value(args, ++i, arg));
                    default -> {
                        if (arg.startsWith("--engine=")) {
                            engine = engine(arg.substring("--engine=".length()));
                        } else if (arg.startsWith("--data-dir=")) {
                            dataDir = Path.of(arg.substring("--data-dir=".length()));
                        } else if (arg.startsWith("-")) {
                            throw new IllegalArgumentException("Unknown option '" + arg + "'.");
                        } else if (file != null) {
                            throw new IllegalArgumentException("Give one cluster.yml, not '" + file + "' and '" + arg + "'.");
                        } else {
                            file = Path.of(arg);
                        }
                    }
                }
            }
            return new Options(file == null ? DEFAULT_FILE : file, engine, dataDir);
        }

        private static String value(List<String> args, int index, String option) {
            if (index >= args.size() || args.get(index).startsWith("--")) {
                throw new IllegalArgumentException("The option " + option + " needs a value.");
            }
            return args.get(index);
        }

        private static String engine(String type) {
            return switch (type) {
                case "embedded", "pacemaker", "clusterpro" -> type;
                default -> throw new IllegalArgumentException("Unknown engine '" + type
                        + "': use embedded, pacemaker or clusterpro.");
            };
        }
    }
}
