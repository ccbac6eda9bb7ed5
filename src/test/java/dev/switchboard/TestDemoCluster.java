package dev.switchboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    private static final Pattern DEMO_ADDRESS = Pattern.compile("127\\.0\\.0\\.1[123]\\b|\\b18080\\b");

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
        try {
            Path scripts = Path.of("config/scripts").toAbsolutePath();
            String yaml = Files.readString(SHIPPED)
                    .replace("127.0.0.11", SRV1).replace("127.0.0.12", SRV2).replace("127.0.0.13", FLOATING)
                    .replace("18080", String.valueOf(PORT));
            Matcher left = DEMO_ADDRESS.matcher(yaml);
            if (left.find()) {
                throw new IllegalStateException(SHIPPED + " has a demo address or port the tests cannot move ('"
                        + left.group() + "'); teach " + TestDemoCluster.class.getSimpleName() + " to rewrite it");
            }
            return Files.writeString(Files.createDirectories(dir).resolve("cluster.yml"),
                    yaml.replace("scripts/", scripts + "/"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
