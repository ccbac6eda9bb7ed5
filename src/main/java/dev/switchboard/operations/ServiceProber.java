package dev.switchboard.operations;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Asks the service at its floating address every 20 ms during a move, like a client that keeps
 * reconnecting, and measures how long no good answer came: the client-visible outage.
 */
final class ServiceProber implements AutoCloseable {

    private static final Duration EVERY = Duration.ofMillis(20);

    private final URI url;
    private final SSLSocketFactory tls; // null for http
    private final List<long[]> goodAnswers = new ArrayList<>(); // {nanoTime}
    private final Thread thread;
    private volatile boolean running = true;

    ServiceProber(String url, CheckTrust trust) {
        this.url = URI.create(url);
        this.tls = "https".equalsIgnoreCase(this.url.getScheme()) ? trust.context().getSocketFactory() : null;
        this.thread = new Thread(this::loop, "service-prober");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            long started = System.nanoTime();
            if (answersWell()) {
                synchronized (goodAnswers) {
                    goodAnswers.add(new long[] {started});
                }
            }
            long rest = EVERY.toNanos() - (System.nanoTime() - started);
            if (rest > 0) {
                try {
                    Thread.sleep(rest / 1_000_000, (int) (rest % 1_000_000));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** A new connection each time: the outage clients see, not that of a kept-alive socket. */
    private boolean answersWell() {
        int port = url.getPort() > 0 ? url.getPort() : tls != null ? 443 : 80;
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(url.getHost(), port), 300);
            plain.setSoTimeout(500);
            Socket socket = tls == null ? plain : overTls(plain, port);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.0\r\nHost: " + url.getHost() + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] head = socket.getInputStream().readNBytes(12);
            return new String(head, StandardCharsets.US_ASCII).matches("HTTP/1\\.[01] 200");
        } catch (IOException e) {
            return false;
        }
    }

    /** The same checks as the service check's: a pinned certificate, or a trusted CA and the host name. */
    private Socket overTls(Socket plain, int port) throws IOException {
        SSLSocket socket = (SSLSocket) tls.createSocket(plain, url.getHost(), port, true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return socket;
    }

    /** The longest time between two good answers, once the service answers again; empty before that. */
    Optional<Duration> outage() {
        synchronized (goodAnswers) {
            long longest = 0;
            for (int i = 1; i < goodAnswers.size(); i++) {
                longest = Math.max(longest, goodAnswers.get(i)[0] - goodAnswers.get(i - 1)[0]);
            }
            return goodAnswers.size() < 2 ? Optional.empty() : Optional.of(Duration.ofNanos(longest));
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
