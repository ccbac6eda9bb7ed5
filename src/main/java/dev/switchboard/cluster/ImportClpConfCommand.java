package dev.switchboard.cluster;

import dev.switchboard.cluster.clpconf.ClpConfImport;
import dev.switchboard.cluster.clpconf.ClpConfRefused;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code java -jar switchboard.jar import-clp-conf <clp.conf> [--scripts <dir>] [--output <file>] [--overlay]}:
 * converts a CLUSTERPRO / EXPRESSCLUSTER clp.conf into cluster.yml (for the embedded engine, or with
 * {@code --overlay} for the clusterpro engine) without starting Spring. The YAML goes to standard
 * output or to {@code --output}; messages go to standard error. Answers 0 when written, 1 when the
 * file is refused, 2 when the command line is wrong.
 */
public final class ImportClpConfCommand {

    public static final String NAME = "import-clp-conf";
    static final String USAGE = "Usage: java -jar switchboard.jar import-clp-conf <clp.conf> [--scripts <dir>]"
            + " [--output <file>] [--overlay]";

    private ImportClpConfCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        ClpConfImport.Request request;
        Path output;
        try {
            Path file = null;
            Path scripts = null;
            output = null;
            boolean overlay = false;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                switch (arg) {
                    case "--scripts" -> scripts = Path.of(value(args, ++i, arg));
                    case "--output" -> output = Path.of(value(args, ++i, arg));
                    case "--overlay" -> overlay = true;
                    default -> {
                        if (arg.startsWith("-")) {
                            throw new IllegalArgumentException("Unknown option '" + arg + "'.");
                        } else if (file != null) {
                            throw new IllegalArgumentException("Give one clp.conf, not '" + file + "' and '" + arg + "'.");
                        }
                        file = Path.of(arg);
                    }
                }
            }
            if (file == null) {
                throw new IllegalArgumentException("Give the clp.conf to import.");
            }
            if (scripts != null && !Files.isDirectory(scripts)) {
                throw new IllegalArgumentException("--scripts " + scripts + " is not a directory: give the configuration"
                        + " package's scripts directory (the one holding <group>/<resource>/start.sh).");
            }
            Path outputDir = output == null ? null : output.toAbsolutePath().getParent();
            request = new ClpConfImport.Request(file, scripts, outputDir, overlay);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        ClpConfImport.Conversion conversion;
        try {
            conversion = ClpConfImport.convert(request);
        } catch (ClpConfRefused e) {
            err.println(e.getMessage());
            return 1;
        }
        if (output == null) {
            out.print(conversion.yaml());
            out.flush();
        } else {
            try {
                Files.writeString(output, conversion.yaml(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("Cannot write " + output + ": " + e.getMessage() + ". Fix: give a writable --output path.");
                return 1;
            }
        }
        err.println("Imported " + request.file() + (output == null ? "" : " into " + output) + ": "
                + conversion.groups().size() + " group(s) (" + String.join(", ", conversion.groups()) + "), "
                + conversion.notConverted().size() + " part(s) not converted and "
                + conversion.missingScripts().size() + " script(s) missing, listed at the top of the output."
                + " Check it with: java -jar switchboard.jar check " + (output == null ? "<file>" : output)
                + (request.overlay() ? " --engine <engine>" : ""));
        return 0;
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size() || args.get(index).startsWith("--")) {
            throw new IllegalArgumentException("The option " + option + " needs a value.");
        }
        return args.get(index);
    }
}
