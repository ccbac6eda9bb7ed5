package dev.switchboard.engine.embedded;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A floating address as its own small process, so that it stays up while Switchboard restarts
 * (README "Restarting Switchboard"). Plain Java, no Spring: {@link ForwarderProcesses} copies
 * the few classes it needs into the data directory and starts it with setsid. It binds the
 * address, writes its {@link ForwarderRecord} and then obeys {@link ForwarderControl}.
 * Arguments: {@code --listen host:port --target host:port --max-connections N
 * --connect-timeout-ms N --idle-timeout-ms N --linger-ms N --record FILE}; the control secret
 * comes in the environment ({@value #TOKEN_VARIABLE}), never on the command line.
 */
final class ForwarderMain {

    static final String TOKEN_VARIABLE = "SWITCHBOARD_FORWARDER_TOKEN";

    private ForwarderMain() {
    }

    public static void main(String[] args) {
        Map<String, String> options = options(args);
        Path recordFile = Path.of(options.get("--record"));
        ForwarderLimits limits = new ForwarderLimits(Integer.parseInt(options.get("--max-connections")),
                Duration.ofMillis(Long.parseLong(options.get("--connect-timeout-ms"))),
                Duration.ofMillis(Long.parseLong(options.get("--idle-timeout-ms"))));
        String token = System.getenv(TOKEN_VARIABLE);
        ForwarderControl control;
        try {
            control = ForwarderControl.open(address(options.get("--listen")), address(options.get("--target")), limits,
                    token, Duration.ofMillis(Long.parseLong(options.get("--linger-ms"))));
        } catch (IOException e) {
            System.err.println(Instant.now() + " cannot listen on " + options.get("--listen") + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        ForwarderRecord record = ForwarderRecord.of(ProcessHandle.current(), control.controlPort(), token);
        record.write(recordFile);
        System.err.println(Instant.now() + " forwarding " + options.get("--listen") + " to " + options.get("--target")
                + " (pid " + record.pid() + ")");
        control.serve();
        control.close();
        // a later forwarder may have written its own record meanwhile: remove only ours
        if (ForwarderRecord.read(recordFile).filter(record::equals).isPresent()) {
            try {
                Files.deleteIfExists(recordFile);
            } catch (IOException ignored) {
                // Switchboard finds the pid gone and removes it
            }
        }
        System.err.println(Instant.now() + " stopped");
        System.exit(0);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        return options;
    }

    /** host:port, the host being an IPv4 address or a name (the last colon separates the port). */
    static InetSocketAddress address(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        return new InetSocketAddress(hostAndPort.substring(0, colon), Integer.parseInt(hostAndPort.substring(colon + 1)));
    }
}
