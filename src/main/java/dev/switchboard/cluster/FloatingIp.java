package dev.switchboard.cluster;

import java.util.List;

/** The address clients use; it follows the group from server to server. */
public record FloatingIp(String name, List<String> dependsOn, ActivationRecovery activationRecovery,
                         String address, int port) implements Resource {

    @Override
    public String type() {
        return "fip";
    }

    /** address:port, or the address alone when the port is not known (a cluster manager's IP resource). */
    public String endpoint() {
        return port > 0 ? address + ":" + port : address;
    }
}
