package dev.switchboard.engine.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A client of the floating address: every 20 ms a fresh connection and a GET, like a browser
 * reconnecting. Records which server answered, so an outage can be measured from its gaps.
 */
public final class FloatingAddressProber implements AutoCloseable {

    /** One probe: the server that answered, or null and why not (refused, timed out, reset, a bad answer). */
    record Probe(long nanos, java.time.Instant at, String server, String failure) {
        boolean ok() {
            return server != null;
        }
    }

    private final InetSocketAddress address;
    private final List<Probe> probes = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    public FloatingAddressProber(String host, int port) {
        this.address = new InetSocketAddress(host, port);
        this.thread = new Thread(this::loop, "prober");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            long started = System.nanoTime();
            Probe probe = probeOnce(started);
            synchronized (probes) {
                probes.add(probe);
            }
            long sleepNanos = 20_000_000 - (System.nanoTime() - started);
            if (sleepNanos > 0) {
                try {
                    Thread.sleep(sleepNanos / 1_000_000, (int) (sleepNanos % 1_000_000));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** The server named in the answer ("CL/Web on srv1, ..."), or why nothing good came back. */
    private Probe probeOnce(long started) {
        String stage = "connect";
        try (Socket socket = new Socket()) {
            socket.connect(address, 200);
            stage = "answer";
            socket.setSoTimeout(500);
            socket.getOutputStream().write("GET / HTTP/1.0\r\nHost: fip\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int at = answer.indexOf("CL/Web on ");
            if (!answer.matches("(?s)HTTP/1\\.[01] 200 .*") || at < 0) {
                return new Probe(started, java.time.Instant.now(), null, "bad answer: "
                        + answer.lines().findFirst().orElse("(empty)"));
            }
            return new Probe(started, java.time.Instant.now(),
                    answer.substring(at + "CL/Web on ".length(), answer.indexOf(',', at)), null);
        } catch (IOException e) {
            return new Probe(started, java.time.Instant.now(), null, stage + ": " + e);
        }
    }

    /** The failed probes so far: when, and why. */
    public List<String> failures() {
        synchronized (probes) {
            return probes.stream().filter(p -> !p.ok()).map(p -> p.at() + " " + p.failure()).toList();
        }
    }

    /**
     * The client-visible outage of a switch to {@code target} that began at {@code since}: from
     * the last good answer of another server to the first good answer from the target.
     */
    public Optional<Double> outageSeconds(long since, String target) {
        List<Probe> window;
        synchronized (probes) {
            window = probes.stream().filter(p -> p.nanos() >= since - 1_000_000_000L).toList();
        }
        Long lastOld = null;
        for (Probe p : window) {
            if (p.ok() && !p.server().equals(target)) {
                lastOld = p.nanos();
            } else if (p.ok() && lastOld != null) {
                return Optional.of((p.nanos() - lastOld) / 1e9);
            }
        }
        return Optional.empty();
    }

    /** Seconds from {@code since} to the first good answer from {@code target}. */
    public Optional<Double> firstAnswerFrom(long since, String target) {
        synchronized (probes) {
            return probes.stream().filter(p -> p.nanos() >= since && p.ok() && p.server().equals(target))
                    .findFirst().map(p -> (p.nanos() - since) / 1e9);
        }
    }

    /** A time in which no probe got a good answer: from the last good answer before to the first after. */
    public record Outage(java.time.Instant from, java.time.Instant to, String serverBefore, String serverAfter) {
        public java.time.Duration duration() {
            return java.time.Duration.between(from, to);
        }
    }

    /** Every outage so far: each run of failed probes between two good answers. */
    public List<Outage> outages() {
        List<Outage> outages = new ArrayList<>();
        Probe lastGood = null;
        boolean failedSince = false;
        synchronized (probes) {
            for (Probe p : probes) {
                if (!p.ok()) {
                    failedSince = true;
                } else {
                    if (failedSince && lastGood != null) {
                        outages.add(new Outage(lastGood.at(), p.at(), lastGood.server(), p.server()));
                    }
                    lastGood = p;
                    failedSince = false;
                }
            }
        }
        return outages;
    }

    /** How many probes were sent so far. */
    public long sent() {
        synchronized (probes) {
            return probes.size();
        }
    }

    /** How many probes got no good answer so far (refused, timed out, cut off or not the application's). */
    public long failed() {
        synchronized (probes) {
            return probes.stream().filter(p -> !p.ok()).count();
        }
    }

    /** How many probes got a good answer so far. */
    public long goodAnswers() {
        synchronized (probes) {
            return probes.stream().filter(Probe::ok).count();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(2000);
    }
}
