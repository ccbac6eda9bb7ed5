package dev.switchboard.engine.pacemaker;

import dev.switchboard.Translatable;
import dev.switchboard.engine.OperationFailed;
import dev.switchboard.engine.Placement;

/**
 * Reads what a placement is explained from in one go on a node, so the CIB and the scores are of
 * the same moment: {@code cibadmin -Q} into a file, that file, then {@code crm_simulate -s} on it
 * (the scores {@code crm_simulate -Ls} shows of the live cluster). One read serves every resource
 * until the cluster's reading changes: on a large cluster it costs a second of CPU.
 */
final class PacemakerPlacement {

    /** Between the CIB and crm_simulate's answer in the command's output. */
    static final String SEPARATOR = "<!-- switchboard: scores follow -->";

    private static final String READ = "f=$(mktemp) || exit 1; trap 'rm -f \"$f\"' EXIT; "
            + "cibadmin -Q > \"$f\" || exit 1; "
            + "cat \"$f\"; echo '" + SEPARATOR + "'; crm_simulate -x \"$f\" -s --output-as=xml";

    private final PacemakerReadings readings;
    private volatile Read last;

    /** What one read gave, and of which reading of the cluster ({@link PacemakerReadings#generation()}). */
    private record Read(long generation, PlacementReasons reasons) {
    }

    PacemakerPlacement(PacemakerReadings readings) {
        this.readings = readings;
    }

    Placement of(String name) {
        long generation = readings.generation(); // before the read: a change during it only reads again
        Read read = last;
        if (read == null || read.generation() != generation) {
            read = new Read(generation, reasons(readings.onAnyNode("sh", "-c", READ).stdout()));
            last = read;
        }
        return read.reasons().explain(name);
    }

    /** The placement from the command's output: the CIB, the separator, crm_simulate's XML. */
    static Placement explain(String output, String name) {
        return reasons(output).explain(name);
    }

    private static PlacementReasons reasons(String output) {
        int at = output.indexOf(SEPARATOR);
        if (at < 0) {
            throw unreadable("the output has no separator line");
        }
        PlacementCib cib;
        PlacementScores scores;
        try {
            cib = PlacementCib.parse(output.substring(0, at).strip());
            scores = PlacementScores.parse(output.substring(at + SEPARATOR.length()).strip());
        } catch (IllegalArgumentException e) {
            throw unreadable(e.getMessage());
        }
        return new PlacementReasons(cib, scores);
    }

    private static OperationFailed unreadable(String problem) {
        return new OperationFailed(Translatable.of("engine.pacemaker.unreadable", "cibadmin -Q; crm_simulate -s",
                problem));
    }
}
