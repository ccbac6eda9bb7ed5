package dev.switchboard.cluster;

import java.util.List;

/** A resource of a failover group. Names are unique in the whole cluster, as in the vendor's API. */
public sealed interface Resource permits FloatingIp, Disk, Exec, Service {

    String name();

    /** Resources that must be active before this one; empty for a resource with no parents. */
    List<String> dependsOn();

    ActivationRecovery activationRecovery();

    /** The vendor's type word: fip, disk, exec or service. */
    String type();
}
