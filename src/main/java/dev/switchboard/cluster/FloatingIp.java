package dev.switchboard.cluster;

import java.util.List;

/** The address clients use; it follows the group from server to server. */
public record FloatingIp(String name, List<String> dependsOn, ActivationRecovery activationRecovery,
                         String address, int port) implements Resource {

    @Override
    public String type() {
        return "fip";
    }

    public String endpoint() {
        return address + ":" + port;
    }
}
