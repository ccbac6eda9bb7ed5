package dev.switchboard.campaign;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What must hold once the cluster has settled after a fault, whatever the fault was:
 * <ul>
 *   <li>the application runs on exactly one server, the one the API names, while the group is
 *       Online, and on none while it is Offline (the activation failure's final action is
 *       stop-group); Online with none only while the monitor says Error (the monitor's final
 *       action is none, once its failover is used up);</li>
 *   <li>every accepted operation ended: not RUNNING, its request and its end both in the trail;</li>
 *   <li>the audit chain is intact and never shorter than at the last check.</li>
 * </ul>
 * Each check answers the violations it found, in words; none is an empty list.
 */
final class Invariants {

    private final Set<String> unconfirmed = new LinkedHashSet<>();
    private final Set<String> confirmed = new LinkedHashSet<>();
    private long chainLength;
    private long lastGoodId;

    /** An operation the campaign was told was accepted (202), to be seen ended. */
    void accepted(String operationId) {
        if (operationId != null && !confirmed.contains(operationId)) {
            unconfirmed.add(operationId);
        }
    }

    /** Every accepted operation, by the campaign or not, whose end is not yet confirmed. */
    Set<String> unconfirmed(Api api) {
        Api.Answer requested = api.get("/api/v1/audit?action=operation-requested&limit=500");
        for (JsonNode event : requested.body().path("events")) {
            accepted(event.path("operationId").asString(null));
        }
        return unconfirmed;
    }

    List<String> check(Snapshot settled, Api api) {
        List<String> violations = new ArrayList<>(placement(settled));
        violations.addAll(operationsEnded(api));
        violations.addAll(chain(api));
        return violations;
    }

    static List<String> placement(Snapshot s) {
        if (!s.answered()) {
            return List.of("the API does not answer");
        }
        List<String> apps = s.applicationServers();
        return switch (s.groupStatus()) {
            case "Online" -> apps.equals(List.of(s.current())) || apps.isEmpty() && "Error".equals(s.monitorStatus())
                    ? List.of()
                    : List.of("the API says Online on " + s.current() + " (monitor " + s.monitorStatus()
                            + ") but clweb_serv runs on " + apps);
            case "Offline" -> apps.isEmpty() ? List.of() : List.of("the API says Offline but clweb_serv runs on " + apps);
            default -> apps.size() <= 1 && (apps.isEmpty() || apps.get(0).equals(s.current())) ? List.of()
                    : List.of("the API says " + s.groupStatus() + " on " + s.current() + " but clweb_serv runs on " + apps);
        };
    }

    private List<String> operationsEnded(Api api) {
        List<String> violations = new ArrayList<>();
        for (String id : List.copyOf(unconfirmed(api))) {
            Api.Answer op = api.get("/api/v1/operations/" + id);
            String state = op.body().path("operations").path(0).path("state").asString("?");
            Api.Answer trail = api.get("/api/v1/audit?operation=" + id + "&limit=500");
            List<String> actions = new ArrayList<>();
            trail.body().path("events").forEach(e -> actions.add(e.path("action").asString("")));
            boolean ended = Set.of("SUCCEEDED", "FAILED", "INTERRUPTED").contains(state);
            boolean onRecord = actions.contains("operation-requested")
                    && (actions.contains("operation-finished") || actions.contains("operation-interrupted"));
            if (ended && onRecord) {
                unconfirmed.remove(id);
                confirmed.add(id);
            } else {
                violations.add("operation " + id + " is " + state + " after settling; its trail has " + actions);
            }
        }
        return violations;
    }

    private List<String> chain(Api api) {
        Api.Answer integrity = api.get("/api/v1/audit/integrity");
        if (!integrity.ok()) {
            return List.of("the audit integrity check answered " + integrity.status() + ": " + integrity.text());
        }
        JsonNode b = integrity.body();
        long length = b.path("checked").asLong() + b.path("archivedChecked").asLong();
        long good = b.path("lastGoodId").asLong();
        List<String> violations = new ArrayList<>();
        if (!b.path("intact").asBoolean()) {
            violations.add("the audit chain is broken: " + b.path("summary").asString(""));
        }
        if (length < chainLength || good < lastGoodId) {
            violations.add("the audit chain got shorter: " + length + " events through " + good + ", was " + chainLength
                    + " through " + lastGoodId);
        }
        chainLength = Math.max(chainLength, length);
        lastGoodId = Math.max(lastGoodId, good);
        return violations;
    }
}
