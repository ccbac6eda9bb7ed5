package dev.switchboard.cluster.clpconf;

import dev.switchboard.cluster.clpconf.Coverage.NotConverted;
import java.util.List;

/** The comments at the top of the output: where it came from, what the operator must set, what is missing or not converted. */
final class Header {

    private final ClpConfImport.Request request;
    private final ClpConfBytes.Read read;
    private final boolean windows;

    Header(ClpConfImport.Request request, ClpConfBytes.Read read, boolean windows) {
        this.request = request;
        this.read = read;
        this.windows = windows;
    }

    String render(List<NotConverted> notConverted, List<Scripts.Missing> missing) {
        YamlText y = new YamlText();
        y.comment(0, request.overlay()
                ? "Overlay for the clusterpro engine, imported from clp.conf by `java -jar switchboard.jar import-clp-conf --overlay`."
                : "cluster.yml for the embedded engine, imported from clp.conf by `java -jar switchboard.jar import-clp-conf`.");
        y.comment(0, "Source: " + request.file().getFileName() + " (XML declaration " + read.declared() + ", read as "
                + read.readAs().name() + (read.note().isEmpty() ? "" : "; " + read.note()) + "; serveros "
                + (windows ? "windows" : "linux") + ").");
        y.comment(0, "No credential (password, passwd, account) of clp.conf is copied into this file.");
        y.comment(0, "Check it with: java -jar switchboard.jar check <this file>"
                + (request.overlay() ? " --engine <an engine that reads resources from the cluster>"
                : " --data-dir <the data directory>"));
        y.comment(0, "");
        if (request.overlay()) {
            y.comment(0, "Resources and monitors are not declared here: the clusterpro engine reads them from the cluster");
            y.comment(0, "through the vendor API. Servers keep their clp.conf addresses (LAN device 0, else the first LAN device).");
        } else {
            y.comment(0, "The operator must set (marked SET ME below):");
            y.comment(0, "  - the port of every fip: clp.conf has none; " + ResourceMapping.PLACEHOLDER_PORT + " is a placeholder.");
            y.comment(0, "  - addresses: the embedded engine runs every server and floating address on this host's loopback,");
            y.comment(0, "    so they are " + ServerMapping.LOOPBACK_SERVERS + "x; the clp.conf addresses are kept as comments.");
            y.comment(0, "  - disks: each disk, volume manager (volmgr) and mirror disk (md) is shown as a disk, a directory");
            y.comment(0, "    under the data directory (shared/<name>); a mount point clp.conf lacks is /mnt/<name>.");
            y.comment(0, "Comments say where each value came from; \"vendor default\" marks a value absent in clp.conf");
            y.comment(0, "(the product applies it), and [U] a default that no public source confirms.");
        }
        if (!missing.isEmpty()) {
            y.comment(0, "");
            y.comment(0, "Scripts missing: clp.conf holds only their names; pass the configuration package's scripts");
            y.comment(0, "directory with --scripts, or put the scripts at these paths:");
            missing.forEach(m -> y.comment(0, "  - " + m.written() + " (" + m.clpPath() + ")"));
        }
        y.comment(0, "");
        y.comment(0, "Not converted (" + notConverted.size() + "), by clp.conf path, with why:");
        notConverted.forEach(n -> y.comment(0, "  - " + n.path() + ": " + n.why()));
        return y.blank().toString();
    }
}
