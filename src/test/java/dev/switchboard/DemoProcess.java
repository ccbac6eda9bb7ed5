package dev.switchboard;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The demo as its own process ({@link SwitchboardProcess}) on a data directory and a copy of the
 * demo cluster, for tests that restart Switchboard under a running group: started, it waits until
 * the floating address answers from srv1 and the initial ADMIN's password is written.
 * {@link #close()} kills Switchboard and every process of the cluster (application, forwarder).
 */
public final class DemoProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final Path dataDir;
    private final TestDemoCluster.Addresses at;
    private final SwitchboardProcess switchboard;
    private String password;

    private DemoProcess(Path dataDir, Path clusterFile, TestDemoCluster.Addresses at) throws IOException {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.at = at;
        Files.createDirectories(dataDir);
        this.switchboard = new SwitchboardProcess(dataDir.resolve("switchboard.log"),
                "--switchboard.data-dir=" + this.dataDir, "--switchboard.cluster.location=" + clusterFile);
    }

    public static DemoProcess start(Path dataDir, Path clusterFile, TestDemoCluster.Addresses at) throws Exception {
        DemoProcess demo = new DemoProcess(dataDir, clusterFile, at);
        try {
            demo.switchboard.start();
            await().atMost(Duration.ofSeconds(90)).until(() -> get(at.fip() + "/").filter(b -> b.contains("srv1")).isPresent());
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(dataDir.resolve("initial-admin-password")));
            demo.password = Files.readString(dataDir.resolve("initial-admin-password")).strip();
            demo.awaitAdopted();
            return demo;
        } catch (Exception | AssertionError e) {
            demo.close();
            throw e;
        }
    }

    public SwitchboardProcess switchboard() {
        return switchboard;
    }

    /** Waits until Switchboard answers and shows the group Online on srv1 (after a restart: adopted). */
    public void awaitAdopted() {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> api("GET", "/api/v1/groups").body().contains("\"status\":\"Online\",\"current\":\"srv1\""));
    }

    /** A call of the REST API as the initial ADMIN. */
    public HttpResponse<String> api(String method, String path) {
        return HttpSession.basic(switchboard.url(path), method, "admin", password);
    }

    /** The pid the application at the floating address reports. */
    public String applicationPid() {
        return get(at.fip() + "/status").orElseThrow().replaceAll("(?s).*\"pid\": (\\d+).*", "$1");
    }

    /** The forwarder processes of this cluster (its marker), by pid. */
    public List<Long> forwarderPids() {
        String marker = "SWITCHBOARD_CLUSTER=" + dataDir + "\0";
        return ProcessHandle.allProcesses().filter(p -> ClusterProcesses.commandLine(p.pid()).contains("ForwarderMain"))
                .filter(p -> ClusterProcesses.environment(p.pid()).contains(marker)).map(ProcessHandle::pid).sorted()
                .toList();
    }

    /** Whether anything accepts a connection at the floating address. */
    public static boolean answers(TestDemoCluster.Addresses at) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(at.floating(), at.port()), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static Optional<String> get(String url) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public void close() throws InterruptedException {
        switchboard.kill();
        ClusterProcesses.kill(dataDir); // the application and the forwarder outlive Switchboard by design
    }
}
