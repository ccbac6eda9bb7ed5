package dev.switchboard.engine.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A floating address on this host: listens on it and forwards each connection to the active
 * server's endpoint. Closing it drops every open connection, like an address disappearing.
 */
final class FloatingIpForwarder implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MS = 1000;

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final ExecutorService threads;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final CountDownLatch acceptLoopEnded = new CountDownLatch(1);
    private volatile boolean closed;

    private FloatingIpForwarder(ServerSocket listener, InetSocketAddress target, ExecutorService threads) {
        this.listener = listener;
        this.target = target;
        this.threads = threads;
    }

    /** Binds the address; throws when it cannot (e.g. another process listens there). */
    static FloatingIpForwarder open(InetSocketAddress address, InetSocketAddress target, ExecutorService threads)
            throws IOException {
        ServerSocket listener = new ServerSocket();
        try {
            listener.setReuseAddress(true);
            listener.bind(address, 128);
        } catch (IOException e) {
            listener.close();
            throw e;
        }
        FloatingIpForwarder forwarder = new FloatingIpForwarder(listener, target, threads);
        threads.execute(forwarder::acceptLoop);
        return forwarder;
    }

    /**
     * The vendor's duplicate check, asked twice: a listener this process closed a moment ago (the
     * other server's side of a failover) can still complete a connection while the thread that
     * watched it winds down, which under load made failovers refuse their own address. Something
     * else that really holds the address still answers 100 ms later.
     */
    static boolean somethingAnswersForSure(InetSocketAddress address) {
        if (!somethingAnswers(address)) {
            return false;
        }
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return somethingAnswers(address);
    }

    /** True when something answers at {@code address}. */
    static boolean somethingAnswers(InetSocketAddress address) {
        try (Socket probe = new Socket()) {
            probe.connect(address, 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void acceptLoop() {
        try {
            while (!listener.isClosed()) {
                Socket client = listener.accept();
                open.add(client);
                threads.execute(() -> connect(client));
            }
        } catch (IOException e) {
            // closed
        } finally {
            acceptLoopEnded.countDown();
        }
    }

    private void connect(Socket client) {
        Socket upstream = new Socket();
        open.add(upstream);
        if (closed) {
            closeQuietly(client);
            closeQuietly(upstream);
            return;
        }
        try {
            upstream.connect(target, CONNECT_TIMEOUT_MS);
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(upstream);
            return;
        }
        AtomicInteger directionsLeft = new AtomicInteger(2);
        Runnable finished = () -> {
            if (directionsLeft.decrementAndGet() == 0) {
                closeQuietly(client);
                closeQuietly(upstream);
            }
        };
        threads.execute(() -> pump(upstream, client, finished));
        pump(client, upstream, finished);
    }

    /** Copies one direction until EOF, then half-closes the other side so the peer sees EOF too. */
    private void pump(Socket from, Socket to, Runnable finished) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
            }
            to.shutdownOutput();
        } catch (IOException e) {
            closeQuietly(from);
            closeQuietly(to);
        } finally {
            finished.run();
        }
    }

    private void closeQuietly(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    /**
     * Closes the address and waits until it is really gone: the JDK defers closing a socket that a
     * thread is blocked on, and meanwhile the address would still accept connections.
     */
    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // already closed
        }
        try {
            acceptLoopEnded.await(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        open.forEach(this::closeQuietly); // after the accept loop: nothing accepted is left out
    }
}
