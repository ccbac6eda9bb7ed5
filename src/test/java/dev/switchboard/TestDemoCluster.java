package dev.switchboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shipped demo cluster (config/cluster.yml) as the tests run it: the same file, same groups,
 * monitors and scripts, with only its addresses and port moved to loopback addresses of the
 * tests' own. A demo started by {@code mvn spring-boot:run} from the same checkout keeps
 * 127.0.0.11–13:18080 (its application even outlives it by design), so {@code mvn verify} must
 * never bind there.
 */
public final class TestDemoCluster {

    public static final String SRV1 = "127.0.1.11";
    public static final String SRV2 = "127.0.1.12";
    public static final String FLOATING = "127.0.1.13";
    public static final int PORT = 18180;
    /** The floating address's URL without a trailing slash, e.g. {@code FIP + "/status"}. */
    public static final String FIP = "http://" + FLOATING + ":" + PORT;

    private static final Path SHIPPED = Path.of("config/cluster.yml");
    static final Pattern ADDRESS = Pattern.compile("\\b\\d{1,3}(?:\\.\\d{1,3}){3}\\b");
    static final Pattern PORT_NUMBER = Pattern.compile("(?:port:\\s*|\\d:)(\\d+)");

    private TestDemoCluster() {
    }

    /** Writes the copy to target/test-demo-cluster/cluster.yml (the same every time) and returns its path. */
    public static Path write() {
        return writeTo(Path.of("target/test-demo-cluster"));
    }

    /**
     * Writes the copy as {@code dir/cluster.yml}, scripts referred to by absolute path (they stay
     * in config/scripts, which finds config/app beside it), and returns its path.
     */
    public static Path writeTo(Path dir) {
        return writeTo(dir, Addresses.TESTS);
    }

    /**
     * Where a copy of the demo runs: its two servers, the floating address and the port. A copy
     * that lives as long as the test JVM (a harness shared by test classes) takes its own, so it
     * never holds the addresses other tests start the demo on.
     */
    public record Addresses(String srv1, String srv2, String floating, int port) {

        public static final Addresses TESTS = new Addresses(SRV1, SRV2, FLOATING, PORT);

        /** The floating address's URL without a trailing slash. */
        public String fip() {
            return "http://" + floating + ":" + port;
        }
    }

    /** The same on other addresses. */
    public static Path writeTo(Path dir, Addresses at) {
        try {
            String yaml = rewrite(Files.readString(SHIPPED), Path.of("config/scripts").toAbsolutePath(), at);
            return Files.writeString(Files.createDirectories(dir).resolve("cluster.yml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped file's text moved to the tests' addresses; refuses one holding an address or port it cannot move. */
    static String rewrite(String shipped, Path scripts) {
        return rewrite(shipped, scripts, Addresses.TESTS);
    }

    static String rewrite(String shipped, Path scripts, Addresses at) {
        String yaml = shipped.replace("127.0.0.11", at.srv1()).replace("127.0.0.12", at.srv2())
                .replace("127.0.0.13", at.floating()).replace("18080", String.valueOf(at.port()));
        Matcher address = ADDRESS.matcher(yaml);
        while (address.find()) {
            if (!Set.of(at.srv1(), at.srv2(), at.floating()).contains(address.group())) {
                throw cannotMove("address " + address.group());
            }
        }
        Matcher port = PORT_NUMBER.matcher(yaml);
        while (port.find()) {
            if (!port.group(1).equals(String.valueOf(at.port()))) {
                throw cannotMove("port " + port.group(1));
            }
        }
        return yaml.replace("scripts/", scripts + "/");
    }

    private static IllegalStateException cannotMove(String what) {
        return new IllegalStateException(SHIPPED + " has the " + what + ", which the tests cannot move off the demo's; "
                + "teach " + TestDemoCluster.class.getSimpleName() + " to rewrite it");
    }
}
