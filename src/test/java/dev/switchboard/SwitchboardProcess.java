package dev.switchboard;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Switchboard as its own process on a free port, started from the test class path with the
 * given settings (--key=value), its output appended to {@code log}.
 */
public final class SwitchboardProcess {

    private final List<String> settings;
    private final Path log;
    private final int port;
    private Process process;

    public SwitchboardProcess(Path log, String... settings) throws IOException {
        this.log = log;
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
        this.settings = List.of(settings);
    }

    public SwitchboardProcess start() throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SwitchboardApplication.class.getName(),
                "--server.port=" + port));
        command.addAll(settings);
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return this;
    }

    /** A normal stop (SIGTERM), as an administrator restarting the service would. */
    public void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Switchboard did not stop within 30 s of SIGTERM; see " + log);
            }
        }
    }

    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
