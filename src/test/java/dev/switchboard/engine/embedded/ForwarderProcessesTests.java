package dev.switchboard.engine.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding a floating address's forwarder again after a restart of Switchboard: a live one is
 * adopted and steered, a stale record (pid gone, or the pid now another process's) is removed and
 * nothing is taken for ours. The forwarder's control side runs in this JVM (so the "live process"
 * is this test's own), on a free loopback port; two small servers stand in for srv1 and srv2.
 */
class ForwarderProcessesTests {

    @TempDir
    Path dataDir;

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    private ForwarderProcesses forwarders() {
        return new ForwarderProcesses(dataDir, Map.of(EmbeddedEnvironment.CLUSTER, dataDir.toString()));
    }

    @Test
    void aRecordWhosePidIsGoneIsRemovedAndNothingIsAdopted() {
        ForwarderProcesses forwarders = forwarders();
        Path file = forwarders.recordFile("fip1");
        new ForwarderRecord(Integer.MAX_VALUE, "2026-12-05T00:00:00Z", 1, "secret").write(file);

        assertThat(forwarders.find(file)).isEmpty();
        assertThat(file).doesNotExist();
    }

    @Test
    void aRecordWhosePidNowBelongsToAnotherProcessIsRemovedAndThatProcessIsLeftAlone() throws IOException {
        ForwarderProcesses forwarders = forwarders();
        Path file = forwarders.recordFile("fip1");
        // this JVM's pid, but a start time that is not its own: the pid was reused after the forwarder ended
        ServerSocket stranger = closeLater(new ServerSocket(0, 5, InetAddress.getLoopbackAddress()));
        new ForwarderRecord(ProcessHandle.current().pid(), "2001-01-01T00:00:00Z", stranger.getLocalPort(), "secret")
                .write(file);

        assertThat(forwarders.find(file)).isEmpty();
        assertThat(file).doesNotExist();
        stranger.setSoTimeout(200);
        assertThatThrownBy(stranger::accept).as("the stranger was not even asked").isInstanceOf(IOException.class);
    }

    @Test
    void aLiveForwarderIsAdoptedAndPointedAtTheOtherServerWithoutDroppingTheAddress() throws Exception {
        InetSocketAddress srv1 = answering("srv1");
        InetSocketAddress srv2 = answering("srv2");
        InetSocketAddress floating = new InetSocketAddress(InetAddress.getLoopbackAddress(), freePort());
        ForwarderControl control = ForwarderControl.open(floating, srv1, ForwarderLimits.DEFAULTS, "secret",
                Duration.ofMinutes(1));
        Thread serving = serve(control);
        ForwarderProcesses forwarders = forwarders();
        Path file = forwarders.recordFile("fip1");
        ForwarderRecord.of(ProcessHandle.current(), control.controlPort(), "secret").write(file);
        assertThat(ask(floating)).isEqualTo("srv1");

        ForwarderHandle adopted = forwarders.find(file).orElseThrow();
        assertThat(adopted.ping()).isEqualTo("UP " + srv1.getHostString() + " " + srv1.getPort());
        adopted.up(srv2);
        assertThat(ask(floating)).isEqualTo("srv2");

        adopted.down();
        assertThat(canConnect(floating)).as("down: the address is free").isFalse();
        assertThat(forwarders.find(file)).as("a forwarder taken down for a switch is still ours").isPresent();
        adopted.up(srv1);
        assertThat(ask(floating)).isEqualTo("srv1");

        adopted.stop();
        serving.join(5000);
        assertThat(serving.isAlive()).as("STOP ends the forwarder").isFalse();
        assertThat(canConnect(floating)).isFalse();
        assertThat(file).doesNotExist();
    }

    @Test
    void aForwarderLeftDownEndsByItselfAfterTheLingerTime() throws Exception {
        InetSocketAddress floating = new InetSocketAddress(InetAddress.getLoopbackAddress(), freePort());
        ForwarderControl control = ForwarderControl.open(floating, answering("srv1"), ForwarderLimits.DEFAULTS,
                "secret", Duration.ofMillis(300));
        Thread serving = serve(control);
        ForwarderHandle handle = new ForwarderHandle(ForwarderRecord.of(ProcessHandle.current(), control.controlPort(),
                "secret"), dataDir.resolve("fip1.properties"));
        handle.down();
        serving.join(3000);
        assertThat(serving.isAlive()).isFalse();
    }

    @Test
    void aCommandWithoutTheSecretIsRefused() throws Exception {
        InetSocketAddress srv1 = answering("srv1");
        InetSocketAddress floating = new InetSocketAddress(InetAddress.getLoopbackAddress(), freePort());
        ForwarderControl control = ForwarderControl.open(floating, srv1, ForwarderLimits.DEFAULTS, "secret",
                Duration.ofMinutes(1));
        serve(control);
        ForwarderHandle impostor = new ForwarderHandle(ForwarderRecord.of(ProcessHandle.current(),
                control.controlPort(), "guess"), dataDir.resolve("fip1.properties"));

        assertThatThrownBy(() -> impostor.up(answering("elsewhere"))).hasMessageContaining("unknown secret");
        assertThat(ask(floating)).isEqualTo("srv1");
    }

    @Test
    void theForwardersClassesAreCopiedOnceIntoADirectoryNamedByTheirContent() throws IOException {
        Path classes = forwarders().classes();
        for (Class<?> c : ForwarderProcesses.CLASSES) {
            assertThat(classes.resolve(c.getName().replace('.', '/') + ".class")).isNotEmptyFile();
        }
        assertThat(forwarders().classes()).isEqualTo(classes);
    }

    // ---- helpers -----------------------------------------------------------------------------

    private Thread serve(ForwarderControl control) {
        Thread thread = new Thread(control::serve, "forwarder-control");
        thread.setDaemon(true);
        thread.start();
        toClose.add(control);
        return thread;
    }

    /** A server that answers every connection with its name and closes. */
    private InetSocketAddress answering(String name) throws IOException {
        ServerSocket server = closeLater(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        Thread thread = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
                    out.write(name.getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    return;
                }
            }
        });
        thread.setDaemon(true);
        thread.start();
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    private static String ask(InetSocketAddress address) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(address, 1000);
            s.setSoTimeout(2000);
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static boolean canConnect(InetSocketAddress address) {
        try (Socket s = new Socket()) {
            s.connect(address, 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private <T extends AutoCloseable> T closeLater(T closeable) {
        toClose.add(closeable);
        return closeable;
    }
}
