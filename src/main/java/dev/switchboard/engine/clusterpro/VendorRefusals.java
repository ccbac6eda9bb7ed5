package dev.switchboard.engine.clusterpro;

import dev.switchboard.Translatable;
import dev.switchboard.engine.GroupBusy;
import dev.switchboard.engine.NameNotFound;
import dev.switchboard.engine.OperationNotAllowed;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A vendor POST whose refusal is told in the engine port's terms: 404 for a group, resource or
 * monitor is {@link NameNotFound}; 409 is {@link GroupBusy} when another operation holds the
 * group and {@link OperationNotAllowed} with the server's message otherwise. Every other failure
 * stays the {@link ClusterproFailure} that names the server, the cause and the fix.
 */
final class VendorRefusals {

    private VendorRefusals() {
    }

    /**
     * @param kind  the kind of {@code name} (group, resource, monitor), for an unknown name
     * @param group the group the request concerns, for a busy one
     */
    static JsonNode post(VendorApi api, String path, @Nullable Map<String, Object> body, String kind, String name,
                         String group) {
        try {
            return api.post(path, body);
        } catch (ClusterproFailure e) {
            throw translated(e, kind, name, group);
        }
    }

    static RuntimeException translated(ClusterproFailure e, String kind, String name, String group) {
        return switch (e.cause()) {
            case NOT_FOUND -> new NameNotFound(kind, name);
            case CONFLICT -> e.busy() || e.serverMessage().toLowerCase().contains("busy")
                    ? new GroupBusy(group, null)
                    : new OperationNotAllowed(Translatable.verbatim(e.serverMessage().isEmpty() ? e.getMessage()
                    : e.serverMessage()));
            default -> e;
        };
    }
}
