package dev.switchboard.engine.embedded;

import dev.switchboard.Translatable;
import dev.switchboard.cluster.FloatingIp;
import java.io.IOException;
import java.net.InetSocketAddress;

/** Brings the floating address up on this host, forwarding to the active server's address. */
final class FloatingIpDriver implements ResourceDriver {

    private final FloatingIp fip;
    private final ForwarderLimits limits;
    private FloatingIpForwarder forwarder;

    FloatingIpDriver(FloatingIp fip, ForwarderLimits limits) {
        this.fip = fip;
        this.limits = limits;
    }

    @Override
    public FloatingIp resource() {
        return fip;
    }

    @Override
    public synchronized void activate(Context context) throws ResourceFailed {
        InetSocketAddress address = new InetSocketAddress(fip.address(), fip.port());
        if (forwarder == null && FloatingIpForwarder.somethingAnswersForSure(address)) {
            throw new ResourceFailed(Translatable.of("engine.resource.fipTaken", fip.endpoint()));
        }
        bind(context, address);
    }

    @Override
    public synchronized void adopt(Context context) throws ResourceFailed {
        activate(context); // the listener lived in the previous Switchboard process; nothing else to find
    }

    private void bind(Context context, InetSocketAddress address) throws ResourceFailed {
        closeForwarder();
        InetSocketAddress target = new InetSocketAddress(context.server().server().address(), fip.port());
        try {
            forwarder = FloatingIpForwarder.open(address, target, limits);
        } catch (IOException e) {
            throw new ResourceFailed(Translatable.of("engine.resource.fipCannotBind", fip.endpoint(), e.getMessage()), e);
        }
    }

    @Override
    public synchronized void deactivate(Context context) {
        closeForwarder();
    }

    /** Drops the listener without a state change, when Switchboard stops and leaves the group running. */
    synchronized void detach() {
        closeForwarder();
    }

    private void closeForwarder() {
        if (forwarder != null) {
            forwarder.close();
            forwarder = null;
        }
    }
}
