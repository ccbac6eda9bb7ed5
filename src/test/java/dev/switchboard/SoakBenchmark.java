package dev.switchboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Soak: the demo Switchboard as its own process, a few status pages open on its live updates, and
 * {@code soak.moves} moves of the group in a row through the API (1,000 by default). Every move must
 * succeed and every page must receive its result; threads, file descriptors and the heap after a
 * full GC are sampled every 100 moves and must end within ±10 % of the baseline taken after the
 * warm-up. Rerun: {@code mvn -Pbenchmark verify -Dit.test=SoakBenchmark [-Dsoak.moves=1000]}.
 * Writes target/benchmarks/soak.md; docs/benchmarks.md keeps the recorded results. It runs on
 * addresses of its own (127.0.8.11-13, port 18880) and a temporary data directory, so it can run
 * beside the integration tests. Over 300 lines: the pages, the sampling and the report stay in one
 * file, so the benchmark reads as the one procedure docs/benchmarks.md describes.
 */
class SoakBenchmark {

    private static final int MOVES = Integer.getInteger("soak.moves", 1000);
    /**
     * Moves before the baseline: enough for H2's page cache, bounded at 16 MiB, to fill with the
     * audit trail's pages (about 200 moves), so a cache warming up is not taken for a leak.
     */
    private static final int WARM_UP = Integer.getInteger("soak.warmup", 200);
    private static final int EVERY = Integer.getInteger("soak.every", 100);
    /** Seconds of quiet before the baseline and the end: idle pool threads (kept 60 s) end, as they would at rest. */
    private static final int QUIET = Integer.getInteger("soak.quiet", 70);
    private static final int PAGES = 3;
    private static final double TOLERANCE = 0.10;
    /** Absolute floors below which a change is not called a leak: a couple of pool threads, a few sockets, 4 MiB. */
    private static final int THREADS_FLOOR = 2;
    private static final int FDS_FLOOR = 5;
    private static final long HEAP_FLOOR_KIB = 4096;
    private static final String GROUP = "failover-clweb";
    private static final TestDemoCluster.Addresses AT = new TestDemoCluster.Addresses("127.0.8.11", "127.0.8.12",
            "127.0.8.13", 18880);
    private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");
    private static final Pattern METASPACE_USED = Pattern.compile("Metaspace\\s+used (\\d+)K");
    private static final Pattern STATE = Pattern.compile("\"state\":\"([A-Z]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    /** One reading of the Switchboard process. */
    record Sample(String label, int moves, Instant at, int threads, int fds, long heapKiB, long metaspaceKiB,
            long children, int fewestMessages, int reconnects) {
    }

    private Path dataDir;
    private SwitchboardProcess switchboard;
    private final List<LivePage> pages = new ArrayList<>();

    @AfterEach
    void stopEverything() throws Exception {
        pages.forEach(LivePage::close);
        if (switchboard != null) {
            try {
                switchboard.stop();
            } finally {
                switchboard.kill();
            }
        }
        if (dataDir != null) {
            ClusterProcesses.killUntilQuiet(dataDir); // the application outlives Switchboard by design
            ClusterProcesses.wipe(dataDir);
        }
    }

    @Test
    void movesInARowLeaveThreadsFdsAndHeapWhereTheyStarted() throws Exception {
        dataDir = Files.createTempDirectory("switchboard-soak-");
        Path log = Files.createDirectories(Path.of("target/benchmarks")).resolve("soak-switchboard.log").toAbsolutePath();
        Files.deleteIfExists(log);
        Path cluster = TestDemoCluster.writeTo(dataDir.resolve("config"), AT).toAbsolutePath();
        switchboard = new SwitchboardProcess(log, "--switchboard.data-dir=" + dataDir, "--switchboard.cluster.location="
                + cluster).start();
        long pid = switchboardPid();
        await().atMost(Duration.ofSeconds(90)).until(() -> Files.exists(dataDir.resolve("initial-admin-password")));
        String password = Files.readString(dataDir.resolve("initial-admin-password")).strip();
        Api api = new Api(switchboard.url(""), password);
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> api.get("/api/v1/groups"),
                groups -> groups.contains("\"status\":\"Online\""));
        for (String language : List.of("en", "ja", "en").subList(0, PAGES)) {
            pages.add(new LivePage(switchboard.url(""), password, language));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> pages.stream().allMatch(p -> p.clusterMessages() > 0));

        long began = System.nanoTime();
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < WARM_UP; i++) {
            seconds.add(move(api, "soak warm-up " + i));
        }
        jcmd(pid, "VM.version"); // the first jcmd starts the JVM's attach thread; the baseline has it too
        List<Sample> samples = new ArrayList<>();
        samples.add(sample(pid, "baseline", 0, QUIET));
        long soakBegan = System.nanoTime();
        for (int i = 1; i <= MOVES; i++) {
            seconds.add(move(api, "soak " + i));
            if (i % EVERY == 0 || i == MOVES) {
                samples.add(i == MOVES ? sample(pid, "end", i, QUIET) : sample(pid, "", i, 3));
            }
        }
        double soakMinutes = (System.nanoTime() - soakBegan) / 60e9;
        Sample base = samples.get(0);
        Sample end = samples.get(samples.size() - 1);
        String report = report(samples, seconds, soakMinutes, (System.nanoTime() - began) / 60e9);
        Files.writeString(Path.of("target/benchmarks/soak.md"), report);
        System.out.println(report);
        // the report is written first, so a missed target still leaves its figures
        SoftAssertions.assertSoftly(soft -> {
            soft.assertThat(end.threads()).as("threads: baseline %d, end %d", base.threads(), end.threads())
                    .isBetween(low(base.threads(), THREADS_FLOOR), high(base.threads(), THREADS_FLOOR));
            soft.assertThat(end.fds()).as("file descriptors: baseline %d, end %d", base.fds(), end.fds())
                    .isBetween(low(base.fds(), FDS_FLOOR), high(base.fds(), FDS_FLOOR));
            soft.assertThat(end.heapKiB()).as("heap after a full GC: baseline %d KiB, end %d KiB", base.heapKiB(),
                    end.heapKiB()).isBetween(low(base.heapKiB(), HEAP_FLOOR_KIB), high(base.heapKiB(), HEAP_FLOOR_KIB));
        });
    }

    /** One move to the other server: it must succeed, and every open page must show its result. */
    private double move(Api api, String reason) {
        String to = api.get("/api/v1/groups").contains("\"current\":\"srv1\"") ? "srv2" : "srv1";
        int[] before = pages.stream().mapToInt(LivePage::clusterMessages).toArray();
        long began = System.nanoTime();
        HttpResponse<String> accepted = api.post("/api/v1/groups/" + GROUP + "/move", "{\"target\":\"" + to
                + "\",\"reason\":\"" + reason + "\"}");
        assertThat(accepted.statusCode()).as("%s: the move answered %s", reason, accepted.body()).isEqualTo(202);
        String path = "/api/v1/operations/" + first(ID, accepted.body());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> !first(STATE, api.get(path)).matches("REQUESTED|RUNNING"));
        String operation = api.get(path);
        assertThat(first(STATE, operation)).as("%s: %s", reason, operation).isEqualTo("SUCCEEDED");
        double seconds = (System.nanoTime() - began) / 1e9;
        for (int p = 0; p < pages.size(); p++) {
            LivePage page = pages.get(p);
            int had = before[p];
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                    .alias("page " + p + " shows the result of '" + reason + "'")
                    .until(() -> page.clusterMessages() > had && page.lastNanos() - began > 0
                            && LiveStream.groupState(page.lastHtml(), GROUP).matches("Online|稼働中")
                            && page.lastHtml().contains(to));
        }
        return seconds;
    }

    /**
     * A full GC first (a dropped client's connections close only when it is collected), then
     * {@code quietSeconds} of quiet, then threads and fds, then the heap after two more full GCs.
     * The baseline and the end also keep the heap's class histogram (soak-histogram-*.txt).
     */
    private Sample sample(long pid, String label, int moves, int quietSeconds) throws Exception {
        jcmd(pid, "GC.run");
        Thread.sleep(quietSeconds * 1000L);
        int threads = count(Path.of("/proc/" + pid + "/task"));
        int fds = count(Path.of("/proc/" + pid + "/fd"));
        String heap = jcmd(pid, "GC.run", "GC.run", "GC.heap_info");
        if (!label.isEmpty()) {
            Files.writeString(Path.of("target/benchmarks/soak-histogram-" + label + ".txt"),
                    jcmd(pid, "GC.class_histogram").lines().limit(60).reduce("", (a, b) -> a + b + "\n"));
        }
        long heapKiB = 0;
        Matcher used = HEAP_USED.matcher(heap);
        while (used.find()) {
            heapKiB += Long.parseLong(used.group(1)); // one line for G1, young + old for the others
        }
        assertThat(heapKiB).as("the heap in %s", heap).isPositive();
        Matcher metaspace = METASPACE_USED.matcher(heap);
        return new Sample(label, moves, Instant.now(), threads, fds, heapKiB, metaspace.find() ? Long.parseLong(metaspace.group(1)) : 0,
                ProcessHandle.of(pid).orElseThrow().descendants().count(),
                pages.stream().mapToInt(LivePage::clusterMessages).min().orElse(0),
                pages.stream().mapToInt(p -> p.connects() - 1).sum());
    }

    /** Runs jcmd's commands one after the other against {@code pid}; their output. */
    private static String jcmd(long pid, String... commands) throws Exception {
        StringBuilder out = new StringBuilder();
        for (String command : commands) {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(pid), command).redirectErrorStream(true).start();
            String text = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + pid + " " + command + " failed: " + text);
            }
            out.append(text);
        }
        return out.toString();
    }

    /** The Switchboard this test started: its child java process given this data directory. */
    private long switchboardPid() {
        String marker = "--switchboard.data-dir=" + dataDir;
        return ProcessHandle.current().children().filter(p -> ClusterProcesses.commandLine(p.pid()).contains(marker))
                .findFirst().orElseThrow(() -> new IllegalStateException("no Switchboard child with " + marker))
                .pid();
    }

    private static int count(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return (int) entries.count();
        }
    }

    private static long low(long base, long floor) {
        return base - Math.max(floor, Math.round(base * TOLERANCE));
    }

    private static long high(long base, long floor) {
        return base + Math.max(floor, Math.round(base * TOLERANCE));
    }

    private static int low(int base, int floor) {
        return (int) low((long) base, floor);
    }

    private static int high(int base, int floor) {
        return (int) high((long) base, floor);
    }

    private static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no " + pattern + " in " + text);
        }
        return m.group(1);
    }

    private String report(List<Sample> samples, List<Double> seconds, double soakMinutes, double totalMinutes) {
        Sample base = samples.get(0);
        Sample end = samples.get(samples.size() - 1);
        StringBuilder rows = new StringBuilder();
        for (Sample s : samples) {
            rows.append("| %s | %s | %d | %d | %.1f | %.1f | %d | %d | %d |%n".formatted(
                    s.label().isEmpty() ? Integer.toString(s.moves()) : s.label() + " (" + s.moves() + ")",
                    s.at().toString().substring(11, 19), s.threads(), s.fds(), s.heapKiB() / 1024.0,
                    s.metaspaceKiB() / 1024.0, s.children(), s.fewestMessages(), s.reconnects()));
        }
        List<Double> sorted = seconds.stream().sorted().toList();
        return """
                ## Soak: %d moves in a row with %d live pages open, %s

                Machine: %d cores, Java %s, %s. Command: `mvn -Pbenchmark verify -Dit.test=SoakBenchmark -Dsoak.moves=%d`.
                The demo Switchboard as its own process (addresses 127.0.8.11-13, port 18880, a temporary data directory),
                %d status pages reading /events (plain HTTP clients that log in again and reconnect when a stream ends, as
                a page does), %d warm-up moves, then the baseline, then %d moves through `POST /api/v1/groups/%s/move`,
                each one SUCCEEDED and shown on every page. Threads: /proc/<pid>/task; file descriptors: /proc/<pid>/fd;
                heap: `jcmd <pid> GC.run` twice, then the used heap of `GC.heap_info`. Each sample follows a full GC and
                %d s of quiet (baseline, end) or 3 s (the others); the histograms are in target/benchmarks/soak-histogram-*.txt.
                Soak: %.1f min (all: %.1f min); a move took %.1f s median, %.1f s at most.

                | after moves | time (UTC) | threads | file descriptors | heap after full GC (MiB) | metaspace (MiB) | child processes | live messages (fewest page) | page reconnects |
                |---|---|---|---|---|---|---|---|---|
                %s
                Verdict (end against baseline, limit ±10 %%, at least ±%d threads, ±%d fds, ±%d MiB for small numbers):
                threads %d → %d (%s), file descriptors %d → %d (%s), heap %.1f → %.1f MiB (%s).
                """.formatted(MOVES, pages.size(), LocalDate.now(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                MOVES, pages.size(), WARM_UP, MOVES, GROUP, QUIET, soakMinutes, totalMinutes, sorted.get(sorted.size() / 2),
                sorted.get(sorted.size() - 1), rows, THREADS_FLOOR, FDS_FLOOR, HEAP_FLOOR_KIB / 1024,
                base.threads(), end.threads(), verdict(base.threads(), end.threads(), THREADS_FLOOR),
                base.fds(), end.fds(), verdict(base.fds(), end.fds(), FDS_FLOOR),
                base.heapKiB() / 1024.0, end.heapKiB() / 1024.0, verdict(base.heapKiB(), end.heapKiB(), HEAP_FLOOR_KIB));
    }

    private static String verdict(long base, long end, long floor) {
        String change = "%+.1f %%".formatted(100.0 * (end - base) / base);
        return change + (end >= low(base, floor) && end <= high(base, floor) ? ", within" : ", OUTSIDE the limit");
    }

    /** The API with Basic authentication, as a script uses it. */
    private record Api(String base, String password, HttpClient client) {

        Api(String base, String password) {
            this(base, password, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
        }

        String get(String path) {
            return send(request(path).build()).body();
        }

        HttpResponse<String> post(String path, String json) {
            return send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build());
        }

        private HttpResponse<String> send(HttpRequest request) {
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException(request.uri() + ": " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8)));
        }
    }
}
