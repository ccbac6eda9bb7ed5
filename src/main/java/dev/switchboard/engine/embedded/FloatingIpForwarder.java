package dev.switchboard.engine.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A floating address on this host: listens on it and forwards each connection to the active
 * server's endpoint. It runs in its own process ({@link ForwarderMain}), so it uses nothing but the JDK. Closing it drops every open connection, like an address disappearing.
 * Bounded by {@link ForwarderLimits}: connections beyond the limit are closed on arrival, a
 * connection idle in both directions is closed, and its threads come from a pool of fixed size.
 */
final class FloatingIpForwarder implements AutoCloseable {

    private final ServerSocket listener;
    private volatile InetSocketAddress target;
    private final ForwarderLimits limits;
    private final ThreadPoolExecutor threads;
    private final Semaphore slots;
    private final RefusedConnections refused;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final CountDownLatch acceptLoopEnded = new CountDownLatch(1);
    private volatile boolean closed;

    private FloatingIpForwarder(ServerSocket listener, InetSocketAddress target, ForwarderLimits limits) {
        this.listener = listener;
        this.target = target;
        this.limits = limits;
        // never more tasks than threads: the slots admit at most two pumps per connection
        this.threads = new ThreadPoolExecutor(limits.maxThreads(), limits.maxThreads(), 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), EngineThreads.named("fip-" + listener.getLocalPort()));
        this.threads.allowCoreThreadTimeOut(true);
        this.slots = new Semaphore(limits.maxConnections());
        this.refused = new RefusedConnections(listener.getLocalSocketAddress().toString(), limits.maxConnections());
    }

    /** Binds the address; throws when it cannot (e.g. another process listens there). */
    static FloatingIpForwarder open(InetSocketAddress address, InetSocketAddress target, ForwarderLimits limits)
            throws IOException {
        ServerSocket listener = new ServerSocket();
        try {
            listener.setReuseAddress(true);
            listener.bind(address, 128);
        } catch (IOException e) {
            listener.close();
            throw e;
        }
        FloatingIpForwarder forwarder = new FloatingIpForwarder(listener, target, limits);
        forwarder.threads.execute(forwarder::acceptLoop);
        return forwarder;
    }

    /** Sends the connections that arrive from now on to {@code newTarget}; open ones go on where they are. */
    void retarget(InetSocketAddress newTarget) {
        target = newTarget;
    }

    /** The port it listens on (the configured one, or the one chosen for port 0). */
    int port() {
        return listener.getLocalPort();
    }

    /** Connections closed on arrival because the limit was reached, since it opened. */
    long refusedConnections() {
        return refused.total();
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
                if (!slots.tryAcquire()) {
                    refused.refuse();
                    client.close();
                    continue;
                }
                refused.admitted();
                open.add(client);
                forward(client);
            }
        } catch (IOException e) {
            // closed
        } finally {
            acceptLoopEnded.countDown();
        }
    }

    private void forward(Socket client) {
        try {
            threads.execute(() -> {
                try {
                    connect(client);
                } finally {
                    slots.release();
                }
            });
        } catch (RejectedExecutionException e) { // closed meanwhile
            closeQuietly(client);
            slots.release();
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
            upstream.connect(target, (int) limits.connectTimeout().toMillis());
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(upstream);
            return;
        }
        AtomicInteger directionsLeft = new AtomicInteger(2);
        CountDownLatch bothFinished = new CountDownLatch(1);
        Runnable finished = () -> {
            if (directionsLeft.decrementAndGet() == 0) {
                closeQuietly(client);
                closeQuietly(upstream);
                bothFinished.countDown();
            }
        };
        AtomicLong lastByteNanos = new AtomicLong(System.nanoTime());
        try {
            threads.execute(() -> pump(upstream, client, lastByteNanos, finished));
        } catch (RejectedExecutionException e) { // closed meanwhile
            closeQuietly(client);
            closeQuietly(upstream);
            return;
        }
        pump(client, upstream, lastByteNanos, finished);
        try {
            bothFinished.await(); // the slot is held until the other direction's thread is done too
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Copies one direction until EOF, then half-closes the other side so the peer sees EOF too.
     * Closes both when no byte went either way for the idle timeout (monotonic clock).
     */
    private void pump(Socket from, Socket to, AtomicLong lastByteNanos, Runnable finished) {
        byte[] buffer = new byte[16 * 1024];
        long idleNanos = limits.idleTimeout().toNanos();
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            while (true) {
                long left = idleNanos - (System.nanoTime() - lastByteNanos.get());
                if (left <= 0) {
                    throw new SocketTimeoutException("idle");
                }
                from.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                int n;
                try {
                    n = in.read(buffer);
                } catch (SocketTimeoutException e) {
                    continue; // the other direction may have carried bytes meanwhile
                }
                if (n < 0) {
                    break;
                }
                lastByteNanos.set(System.nanoTime());
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
        threads.shutdown(); // its pumps end with their sockets
        refused.admitted(); // a burst still going is summed up now
    }
}
