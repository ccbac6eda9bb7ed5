package dev.switchboard.engine.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The floating address's forwarder on loopback sockets: its connection limit and idle timeout. */
class FloatingIpForwarderTests {

    private final List<Socket> sockets = new ArrayList<>();
    private ServerSocket backend;
    private Thread echo;

    @BeforeEach
    void startEchoBackend() throws IOException {
        backend = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        echo = new Thread(() -> {
            try {
                while (true) {
                    Socket s = backend.accept();
                    Thread t = new Thread(() -> {
                        try (s) {
                            s.getInputStream().transferTo(s.getOutputStream());
                        } catch (IOException ignored) {
                            // client gone
                        }
                    });
                    t.setDaemon(true);
                    t.start();
                }
            } catch (IOException closed) {
                // test over
            }
        });
        echo.setDaemon(true);
        echo.start();
    }

    @AfterEach
    void closeAll() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
        backend.close();
    }

    @Test
    void connectionsBeyondTheLimitAreClosedAtOnceAndCountedWhileTheAdmittedOnesKeepWorking() throws IOException {
        try (FloatingIpForwarder forwarder = open(new ForwarderLimits(2, Duration.ofSeconds(1), Duration.ofMinutes(1)))) {
            Socket first = client(forwarder);
            Socket second = client(forwarder);
            assertEchoes(first, 'a');
            assertEchoes(second, 'b');

            Socket third = client(forwarder);
            Socket fourth = client(forwarder);

            assertThat(third.getInputStream().read()).as("the third connection is closed, not held").isEqualTo(-1);
            assertThat(fourth.getInputStream().read()).isEqualTo(-1);
            assertThat(forwarder.refusedConnections()).isEqualTo(2);
            assertEchoes(first, 'c');

            first.close();
            awaitAdmitted(forwarder, 'd');
        }
    }

    @Test
    void aConnectionIdleInBothDirectionsIsClosedButOneCarryingBytesIsNot() throws IOException, InterruptedException {
        try (FloatingIpForwarder forwarder = open(new ForwarderLimits(4, Duration.ofSeconds(1), Duration.ofMillis(600)))) {
            Socket idle = client(forwarder);
            Socket busy = client(forwarder);
            long began = System.nanoTime();
            for (int i = 0; i < 12; i++) { // 0.6 s of bytes every 50 ms: never idle for the timeout
                assertEchoes(busy, 'x');
                Thread.sleep(50);
            }
            assertThat(idle.getInputStream().read()).as("the idle connection was closed").isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(3));
            assertEchoes(busy, 'y');
        }
    }

    private FloatingIpForwarder open(ForwarderLimits limits) throws IOException {
        return FloatingIpForwarder.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                (InetSocketAddress) backend.getLocalSocketAddress(), limits);
    }

    private Socket client(FloatingIpForwarder forwarder) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), forwarder.port());
        s.setSoTimeout(3000); // a connection held open instead of closed fails the test, not hangs it
        sockets.add(s);
        return s;
    }

    private static void assertEchoes(Socket s, char c) throws IOException {
        s.getOutputStream().write(c);
        s.getOutputStream().flush();
        assertThat(s.getInputStream().read()).isEqualTo(c);
    }

    /** The slot a closed connection frees is given to the next one (it takes a moment to be let go). */
    private void awaitAdmitted(FloatingIpForwarder forwarder, char c) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (true) {
            Socket s = client(forwarder);
            s.getOutputStream().write(c);
            InputStream in = s.getInputStream();
            try {
                int read = in.read();
                if (read == c) {
                    return;
                }
            } catch (SocketTimeoutException | java.net.SocketException e) {
                // refused, try again
            }
            assertThat(System.nanoTime()).as("a slot came free").isLessThan(deadline);
        }
    }
}
