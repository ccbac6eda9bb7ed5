package dev.switchboard.engine.embedded;

import java.util.List;
import java.util.Map;

/**
 * What a script or service sees of Switchboard's own environment: only the basics a shell
 * needs, never Switchboard's settings or secrets, nor stale CLP_ variables of the launching shell.
 */
final class CleanEnvironment {

    private static final List<String> KEPT = List.of("PATH", "HOME", "LANG", "LC_ALL", "TZ", "USER", "LOGNAME",
            "SHELL", "TMPDIR");

    private CleanEnvironment() {
    }

    static void replace(Map<String, String> processEnvironment, Map<String, String> engineVariables) {
        processEnvironment.keySet().retainAll(KEPT);
        processEnvironment.putIfAbsent("PATH", "/usr/local/bin:/usr/bin:/bin");
        processEnvironment.putAll(engineVariables);
    }
}
