package dev.switchboard.engine.embedded;

import dev.switchboard.Translatable;
import dev.switchboard.cluster.FloatingIp;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Brings the floating address up on this host, forwarding to the active server's address. The
 * forwarder is a process of its own ({@link ForwarderMain}), so the address stays up while
 * Switchboard restarts: activation and adoption take over the recorded forwarder if it still
 * runs and point it at the server, and start one only when there is none.
 */
final class FloatingIpDriver implements ResourceDriver {

    /** Stops after which the group comes up again at once: the forwarder waits for it instead of ending. */
    private static final Set<String> SWITCHES = Set.of("GROUPMOVE", "GROUPFAILOVER", "GROUPRESTART");

    private final FloatingIp fip;
    private final ForwarderLimits limits;
    private final ForwarderProcesses forwarders;
    private final Path recordFile;

    FloatingIpDriver(FloatingIp fip, ForwarderLimits limits, ForwarderProcesses forwarders) {
        this.fip = fip;
        this.limits = limits;
        this.forwarders = forwarders;
        this.recordFile = forwarders.recordFile(fip.name());
    }

    @Override
    public FloatingIp resource() {
        return fip;
    }

    @Override
    public synchronized void activate(Context context) throws ResourceFailed {
        InetSocketAddress address = new InetSocketAddress(fip.address(), fip.port());
        InetSocketAddress target = new InetSocketAddress(context.server().server().address(), fip.port());
        Optional<ForwarderHandle> ours = forwarders.find(recordFile);
        try {
            if (ours.isPresent()) {
                ours.get().up(target);
                return;
            }
            if (FloatingIpForwarder.somethingAnswersForSure(address)) {
                throw new ResourceFailed(Translatable.of("engine.resource.fipTaken", fip.endpoint()));
            }
            forwarders.start(recordFile, fip.name(), address, target, limits);
        } catch (IOException e) {
            throw new ResourceFailed(Translatable.of("engine.resource.fipCannotBind", fip.endpoint(), e.getMessage()), e);
        }
    }

    /** The forwarder outlived the previous Switchboard: taken over as it is (or started when it is gone). */
    @Override
    public synchronized void adopt(Context context) throws ResourceFailed {
        activate(context);
    }

    /**
     * Takes the address down. On a switch to another server (or a restart in place) the forwarder
     * only closes the address and waits for the next activation, which saves starting a process;
     * otherwise it ends.
     */
    @Override
    public synchronized void deactivate(Context context) throws ResourceFailed {
        Optional<ForwarderHandle> ours = forwarders.find(recordFile);
        if (ours.isEmpty()) {
            return;
        }
        if (context.factor() != null && SWITCHES.contains(context.factor())) {
            try {
                ours.get().down();
                return;
            } catch (IOException e) {
                // it cannot be steered: it ends below
            }
        }
        ours.get().stop();
    }
}
