package dev.switchboard.engine.pacemaker;

import dev.switchboard.engine.polling.ServerCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;

/**
 * Switchboard's alert in the CIB ({@value #ID}) and its agent on every node: Pacemaker runs the
 * agent (as hacluster) for every node, fencing, resource and node-attribute alert, and the agent
 * appends one line to {@value #LOG} on that node, which {@link AlertFollower} follows.
 *
 * <p>The alert is the same for every Switchboard (fixed id, agent and file): a second Switchboard
 * on the same cluster adopts it and follows the same files. An alert with this id that differs
 * (another agent or file: an older or foreign setup) is replaced at start. Each Switchboard
 * removes it when it stops cleanly; one still running notices at its next check and installs it
 * again ({@link PacemakerNotifications}).
 */
final class PacemakerAlerts {

    private static final Logger log = LoggerFactory.getLogger(PacemakerAlerts.class);

    static final String ID = "switchboard-notify";
    /** Pacemaker's own directory, owned by hacluster, which runs the agent and writes the file. */
    static final String AGENT = "/var/lib/pacemaker/switchboard-notify.sh";
    static final String LOG = "/var/lib/pacemaker/switchboard-notify.log";
    static final String AGENT_SCRIPT = """
            #!/bin/sh
            # Switchboard's Pacemaker alert agent (alert id switchboard-notify): one line per alert, for
            # Switchboard to follow. Switchboard installs it and removes it again when it stops.
            f=${CRM_alert_recipient:-/var/lib/pacemaker/switchboard-notify.log}
            # kept small: Switchboard reads only new lines (tail -F notices the truncation)
            [ "$(wc -c < "$f" 2>/dev/null || echo 0)" -lt 1048576 ] || : > "$f"
            printf 'switchboard-notify\\t%s\\t%s\\t%s\\t%s\\t%s\\t%s\\n' "$CRM_alert_timestamp" "$CRM_alert_kind" \\
              "$CRM_alert_node" "$CRM_alert_rsc" "$CRM_alert_task" "$CRM_alert_desc" | tr -d '\\r' >> "$f"
            """;
    /** Every kind: attributes too, for a node's transient attributes (standby for a reboot, fail counts). */
    static final String ALERT_XML = "<alert id=\"" + ID + "\" path=\"" + AGENT + "\"><select><select_nodes/>"
            + "<select_fencing/><select_resources/><select_attributes/></select><recipient id=\"" + ID
            + "-recipient\" value=\"" + LOG + "\"/></alert>";

    private static final String WRITE_AGENT = "umask 022 && printf '%s' \"$1\" > \"$2.new\" && chmod 755 \"$2.new\" "
            + "&& mv -f \"$2.new\" \"$2\" && if [ ! -e \"$3\" ]; then : > \"$3\" && chmod 644 \"$3\" "
            + "&& { chown hacluster:haclient \"$3\" 2>/dev/null || chmod 666 \"$3\"; }; fi";

    /** What the CIB holds under the id. */
    enum Found { NONE, OURS, FOREIGN }

    private final PacemakerCommands commands;
    private final Function<String[], ServerCommands.Result> onAnyNode;

    PacemakerAlerts(PacemakerCommands commands, Function<String[], ServerCommands.Result> onAnyNode) {
        this.commands = commands;
        this.onAnyNode = onAnyNode;
    }

    /**
     * Puts the agent on each node and the alert in the CIB (replacing a foreign one).
     *
     * @return the nodes the agent could not be put on (their alerts are lost)
     */
    List<String> install(List<String> nodes) {
        List<String> failed = new ArrayList<>();
        for (String node : nodes) {
            try {
                commands.run(node, "sh", "-c", WRITE_AGENT, ID, AGENT_SCRIPT, AGENT, LOG);
            } catch (RuntimeException e) {
                log.warn("could not put Pacemaker's alert agent for Switchboard on {}: {}", node, e.getMessage());
                failed.add(node);
            }
        }
        Found found = find();
        if (found == Found.FOREIGN) {
            log.info("replacing the alert {} in the CIB, which is not Switchboard's of this version", ID);
            delete();
        }
        if (found != Found.OURS) {
            create();
        }
        return failed;
    }

    /** Takes the alert out of the CIB if it is Switchboard's, and the agent off the nodes. */
    void remove(List<String> nodes) {
        if (find() == Found.OURS) {
            delete();
        }
        for (String node : nodes) {
            try {
                commands.run(node, "rm", "-f", AGENT, LOG);
            } catch (RuntimeException e) {
                log.warn("could not remove Pacemaker's alert agent for Switchboard from {}: {}", node, e.getMessage());
            }
        }
    }

    Found find() {
        ServerCommands.Result result = onAnyNode.apply(new String[] {"sh", "-c",
                "cibadmin -Q -o alerts 2>/dev/null || echo '<alerts/>'"});
        return found(result.stdout());
    }

    /** What the CIB's alerts section ({@code cibadmin -Q -o alerts}) holds under {@value #ID}. */
    static Found found(String alertsXml) {
        Element alerts = CrmMon.document(alertsXml).getDocumentElement();
        Optional<Element> alert = CrmMon.children(alerts, "alert").stream().filter(a -> ID.equals(a.getAttribute("id")))
                .findFirst();
        if (alert.isEmpty()) {
            return Found.NONE;
        }
        boolean ours = AGENT.equals(alert.get().getAttribute("path")) && CrmMon.children(alert.get(), "recipient")
                .stream().anyMatch(r -> LOG.equals(r.getAttribute("value")));
        return ours ? Found.OURS : Found.FOREIGN;
    }

    private void create() {
        // the alerts section exists only once some alert was configured
        onAnyNode.apply(new String[] {"sh", "-c", "cibadmin --create -o alerts --xml-text \"$1\" 2>/dev/null "
                + "|| cibadmin --create -o configuration --xml-text \"<alerts>$1</alerts>\"", ID, ALERT_XML});
    }

    private void delete() {
        onAnyNode.apply(new String[] {"cibadmin", "--delete", "-o", "alerts", "--xml-text", "<alert id=\"" + ID + "\"/>"});
    }
}
