package dev.switchboard.cluster.clpconf;

import java.util.Set;

/**
 * Why a part of clp.conf has no place in cluster.yml, by where it stands. The mapping gives its own
 * reason where it knows better (a Windows resource, a credential, a monitor type).
 */
final class Reasons {

    static final String CREDENTIAL = "a credential: never copied into cluster.yml";
    private static final Set<String> CREDENTIAL_WORDS = Set.of("password", "passwd", "account");

    private Reasons() {
    }

    /** Whether an element's name says it holds a credential (password, passwd, account and their variants). */
    static boolean credential(String tag) {
        String lower = tag.toLowerCase(java.util.Locale.ROOT);
        return CREDENTIAL_WORDS.stream().anyMatch(lower::contains);
    }

    static String byPlace(ClpElement e) {
        if (credential(e.tag())) {
            return CREDENTIAL;
        }
        if (e.tag().equals("comment")) {
            return "free text: not copied";
        }
        String[] steps = e.path().split("/");
        String section = steps.length > 2 ? steps[2].replaceFirst("@.*", "") : "";
        return switch (section) {
            case "all" -> "the file's language and OS markers: used to read it, nothing to keep";
            case "trekking" -> "the GUI's version stamp: nothing to keep";
            case "webmgr" -> "Cluster WebUI settings: Switchboard has its own web settings";
            case "heartbeat" -> "heartbeats: the embedded engine runs on one host, and the clusterpro engine asks the cluster";
            case "networkpartition" -> "network partition resolution: done by the cluster itself, not by Switchboard";
            case "pm", "haltp", "rc", "rm", "rstd", "messages", "alertservice" ->
                    "a cluster-wide setting of the vendor's cluster service with no cluster.yml key";
            case "cluster" -> "a cluster-wide setting with no cluster.yml key";
            case "server" -> "a server setting other than its name, priority and main LAN address";
            case "group" -> "a group setting with no cluster.yml key";
            case "resource" -> "a resource setting with no cluster.yml key";
            case "monitor" -> "a monitor setting with no cluster.yml key";
            default -> "an element Switchboard does not know";
        };
    }
}
