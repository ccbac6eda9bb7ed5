package dev.switchboard.engine.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;

/**
 * The forwarder process's side of its control channel: one command per connection on
 * 127.0.0.1, each line starting with the record's secret. {@code UP host port} brings the
 * floating address up (or points it at another server), {@code DOWN} takes it down during a
 * switch and {@code STOP} ends the process; {@code PING} says what it does. Taken down, it waits
 * {@code linger} for the next UP and then ends by itself, so a switch that never completes
 * (Switchboard killed in between) leaves nothing behind. Single-threaded: commands come from one
 * Switchboard and are short.
 */
final class ForwarderControl implements AutoCloseable {

    private final InetSocketAddress address;
    private final ForwarderLimits limits;
    private final String token;
    private final Duration linger;
    private final ServerSocket control;
    private FloatingIpForwarder forwarder;
    private InetSocketAddress target;
    private long downSinceNanos;

    private ForwarderControl(InetSocketAddress address, ForwarderLimits limits, String token, Duration linger,
                             ServerSocket control) {
        this.address = address;
        this.limits = limits;
        this.token = token;
        this.linger = linger;
        this.control = control;
    }

    /** Binds the floating address (throws when it cannot) and the control channel on a free port. */
    static ForwarderControl open(InetSocketAddress address, InetSocketAddress target, ForwarderLimits limits,
                                 String token, Duration linger) throws IOException {
        ServerSocket control = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        ForwarderControl opened = new ForwarderControl(address, limits, token, linger, control);
        try {
            opened.up(target);
        } catch (IOException e) {
            control.close();
            throw e;
        }
        return opened;
    }

    int controlPort() {
        return control.getLocalPort();
    }

    /** Answers commands until STOP, or until the address stayed down for the linger time. */
    void serve() {
        while (!control.isClosed()) {
            try {
                control.setSoTimeout(forwarder == null ? (int) Math.max(1, lingerLeftMillis()) : 0);
                try (Socket client = control.accept()) {
                    client.setSoTimeout(5000);
                    if (!answer(client)) {
                        return;
                    }
                }
            } catch (SocketTimeoutException e) {
                if (forwarder == null && lingerLeftMillis() <= 0) {
                    return;
                }
            } catch (IOException e) {
                // a client that went away; the next one is served
            }
        }
    }

    private long lingerLeftMillis() {
        return linger.toMillis() - Duration.ofNanos(System.nanoTime() - downSinceNanos).toMillis();
    }

    /** Handles one command; false after STOP. */
    private boolean answer(Socket client) throws IOException {
        String line = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        OutputStream out = client.getOutputStream();
        String[] words = line == null ? new String[0] : line.strip().split(" ");
        if (words.length < 2 || !MessageDigest.isEqual(words[0].getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8))) {
            reply(out, "ERR unknown secret");
            return true;
        }
        switch (words[1]) {
            case "PING" -> reply(out, forwarder == null ? "OK DOWN" : "OK UP " + target.getHostString() + " "
                    + target.getPort());
            case "UP" -> {
                try {
                    up(new InetSocketAddress(words[2], Integer.parseInt(words[3])));
                    reply(out, "OK");
                } catch (IOException | RuntimeException e) {
                    reply(out, "ERR " + e.getMessage());
                }
            }
            case "DOWN" -> {
                down();
                reply(out, "OK");
            }
            case "STOP" -> {
                close();
                reply(out, "OK");
                return false;
            }
            default -> reply(out, "ERR unknown command " + words[1]);
        }
        return true;
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void up(InetSocketAddress newTarget) throws IOException {
        if (forwarder == null) {
            forwarder = FloatingIpForwarder.open(address, newTarget, limits);
        } else {
            forwarder.retarget(newTarget);
        }
        target = newTarget;
    }

    private void down() {
        if (forwarder != null) {
            forwarder.close();
            forwarder = null;
            downSinceNanos = System.nanoTime();
        }
    }

    /** Takes the address down and closes the control channel. */
    @Override
    public void close() {
        down();
        try {
            control.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
