package dev.switchboard.engine.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Switchboard's side of one running forwarder process: the commands of {@link ForwarderControl}. */
final class ForwarderHandle {

    private final ForwarderRecord record;
    private final Path recordFile;

    ForwarderHandle(ForwarderRecord record, Path recordFile) {
        this.record = record;
        this.recordFile = recordFile;
    }

    ForwarderRecord record() {
        return record;
    }

    /** "UP host port" or "DOWN"; throws when the forwarder does not answer. */
    String ping() throws IOException {
        return command("PING").substring("OK ".length());
    }

    /** Brings the address up (again) forwarding to {@code target}; throws with the forwarder's reason. */
    void up(InetSocketAddress target) throws IOException {
        command("UP " + target.getHostString() + " " + target.getPort());
    }

    /** Takes the address down (open connections are dropped); the process waits for the next UP. */
    void down() throws IOException {
        command("DOWN");
    }

    /**
     * Ends the forwarder: asked first, killed when it does not answer or end within 5 s; the
     * address is free when this returns, and the record is gone.
     */
    void stop() {
        try {
            command("STOP");
        } catch (IOException e) {
            // killed below
        }
        // never Switchboard's own process (the record's pid and start time are the forwarder's; this is a guard)
        record.process().filter(p -> p.pid() != ProcessHandle.current().pid()).ifPresent(process -> {
            try {
                process.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
                process.onExit().join();
            }
        });
        try {
            Files.deleteIfExists(recordFile);
        } catch (IOException ignored) {
            // a stale record is recognised by its pid and start time
        }
    }

    private String command(String command) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), record.controlPort()), 1000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((record.token() + " " + command + "\n").getBytes(StandardCharsets.UTF_8));
            String answer = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            if (answer == null || !answer.startsWith("OK")) {
                throw new IOException(answer == null ? "no answer to " + command.split(" ")[0]
                        : answer.replaceFirst("^ERR ", ""));
            }
            return answer;
        }
    }
}
