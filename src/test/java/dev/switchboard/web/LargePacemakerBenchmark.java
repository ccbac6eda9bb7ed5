package dev.switchboard.web;

import dev.switchboard.HttpSession;
import dev.switchboard.security.ApiTokens;
import dev.switchboard.security.Role;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * End-to-end benchmark of Switchboard on a 16-node, 100-resource Pacemaker cluster: the whole
 * application in this JVM with the Pacemaker engine, discovering the cluster (no cluster.yml) from
 * a copy of src/test/resources/pacemaker/large/cib.xml read through {@code CIB_file}, so it needs
 * the Pacemaker command-line tools but no lab: {@code mvn -Pbenchmark verify -Dit.test=LargePacemakerBenchmark}.
 * Times the pages and the API over real HTTP, then what polling once a second costs: the poll
 * thread's CPU, the whole JVM's, and the CPU of the Pacemaker tools it runs (this process's
 * reaped children, from /proc/self/stat). Writes target/benchmarks/large-pacemaker.md.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "switchboard.engine.type=pacemaker",
        "switchboard.pacemaker.poll-interval=1s",
        "switchboard.security.accounts[0].name=viewer",
        "switchboard.security.accounts[0].password-hash={bcrypt}$2a$04$y8wNqfmfqouoAgta6Nqb4esjbOWbP87w5vOZjH20M.qAHAT38FOuC",
        "switchboard.security.accounts[0].role=VIEWER"})
class LargePacemakerBenchmark {

    private static final String VIEWER_PASSWORD = "viewer-password-1";
    private static final int WARM_UP = 20;
    private static final int RUNS = 41;
    private static final int POLL_SECONDS = 60;
    private static final double CLOCK_TICKS = 100.0; // USER_HZ of /proc/self/stat on Linux
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Path DIR = temporaryDirectory();

    @LocalServerPort
    int port;

    @Autowired
    ApiTokens tokens;

    @DynamicPropertySource
    static void cluster(DynamicPropertyRegistry registry) throws Exception {
        Path cib = DIR.resolve("cib.xml");
        Files.copy(Path.of("src/test/resources/pacemaker/large/cib.xml"), cib, StandardCopyOption.REPLACE_EXISTING);
        registry.add("switchboard.pacemaker.command-prefix", () -> "env,CIB_file=" + cib.toAbsolutePath());
        registry.add("switchboard.cluster.location", () -> DIR.resolve("no-cluster.yml").toString()); // discovery
        registry.add("switchboard.data-dir", () -> DIR.resolve("data").toString());
    }

    private record Timing(String what, List<Double> millis) {
        double median() {
            return sorted().get(millis.size() / 2);
        }

        double p95() {
            return sorted().get((int) Math.ceil(millis.size() * 0.95) - 1);
        }

        private List<Double> sorted() {
            return millis.stream().sorted().toList();
        }
    }

    @Test
    void measure() throws Exception {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        HttpSession browser = new HttpSession("http://localhost:" + port);
        browser.login("viewer", VIEWER_PASSWORD);
        HttpClient client = HttpClient.newHttpClient();
        String token = tokens.create("benchmark", "viewer", Role.VIEWER);
        Function<String, HttpResponse<String>> api = path -> send(client, HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + token).build());
        List<Timing> timings = List.of(
                time("status page `GET /`", () -> browser.get("/"), "app20"),
                time("whole-cluster page `GET /cluster`", () -> browser.get("/cluster"), "app20-svc"),
                time("resource page `GET /cluster/resources/app12-svc`", () -> browser.get("/cluster/resources/app12-svc"), "app12-svc"),
                time("`GET /api/v1/cluster/inventory`", () -> api.apply("/api/v1/cluster/inventory"), "app20-svc"),
                time("`GET /api/v1/groups`", () -> api.apply("/api/v1/groups"), "app20"));
        Polling polling = polling();
        StringBuilder rows = new StringBuilder();
        for (Timing t : timings) {
            rows.append("| %s | %.1f ms | %.1f ms |%n".formatted(t.what(), t.median(), t.p95()));
        }
        String report = """
                ## Pacemaker: a 16-node, 100-resource cluster, %s

                Machine: %d cores, Java %s, load average at the start %.1f. Command: `flock /tmp/switchboard-it.lock
                mvn -Pbenchmark verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=LargePacemakerBenchmark`.
                The whole application, engine `pacemaker`, no cluster.yml, command prefix `env,CIB_file=<copy of
                large/cib.xml>`; real HTTP on a random port, signed in (pages: form login; API: a token);
                %d warm-up requests, then %d timed, one at a time.

                | request | median | p95 |
                |---|---|---|
                %s
                Reading every second (poll interval 1 s, the next poll 1 s after the last ended), over %d s without requests:

                | cost | CPU per second | %% of one core |
                |---|---|---|
                | poll thread (JVM: parse, snapshot, inventory) | %.1f ms | %.2f %% |
                | Pacemaker tools run (children: crm_mon, cibadmin) | %.1f ms | %.2f %% |
                | together | %.1f ms | %.2f %% |
                | whole JVM (every thread, GC included) | %.1f ms | %.2f %% |
                """.formatted(LocalDate.now(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), load, WARM_UP, RUNS, rows, POLL_SECONDS,
                polling.perSecond(polling.pollThread()), polling.percent(polling.pollThread()),
                polling.perSecond(polling.children()), polling.percent(polling.children()),
                polling.perSecond(polling.pollThread() + polling.children()),
                polling.percent(polling.pollThread() + polling.children()),
                polling.perSecond(polling.process()), polling.percent(polling.process()));
        Path out = Files.createDirectories(Path.of("target/benchmarks")).resolve("large-pacemaker.md");
        Files.writeString(out, report);
        System.out.println(report);
        SoftAssertions.assertSoftly(soft -> {
            soft.assertThat(timings.get(0).median()).as("status page ≤ 150 ms").isLessThanOrEqualTo(150.0);
            soft.assertThat(timings.get(3).median()).as("inventory API ≤ 50 ms").isLessThanOrEqualTo(50.0);
            soft.assertThat(timings.get(4).median()).as("groups API ≤ 50 ms").isLessThanOrEqualTo(50.0);
            soft.assertThat(polling.percent(polling.pollThread() + polling.children()))
                    .as("reading every second ≤ 2 %% of one core").isLessThanOrEqualTo(2.0);
        });
    }

    /** CPU seconds spent over {@link #POLL_SECONDS} of polling, by whom. */
    private record Polling(double pollThread, double children, double process) {
        double percent(double cpuSeconds) {
            return cpuSeconds / POLL_SECONDS * 100;
        }

        double perSecond(double cpuSeconds) {
            return cpuSeconds / POLL_SECONDS * 1000;
        }
    }

    private Polling polling() throws Exception {
        Thread.sleep(3000); // let the requests' work settle
        long pollThread = pollThreadId();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long threadBefore = THREADS.getThreadCpuTime(pollThread);
        long processBefore = os.getProcessCpuTime();
        double childrenBefore = childrenCpuSeconds();
        Thread.sleep(POLL_SECONDS * 1000L);
        return new Polling((THREADS.getThreadCpuTime(pollThread) - threadBefore) / 1e9,
                childrenCpuSeconds() - childrenBefore, (os.getProcessCpuTime() - processBefore) / 1e9);
    }

    private static long pollThreadId() {
        return Arrays.stream(THREADS.getThreadInfo(THREADS.getAllThreadIds())).filter(t -> t != null
                && t.getThreadName().equals("pacemaker-poll")).mapToLong(ThreadInfo::getThreadId).findFirst()
                .orElseThrow(() -> new IllegalStateException("no pacemaker-poll thread: is the engine pacemaker?"));
    }

    /** cutime + cstime of /proc/self/stat: the CPU of this process's children that it has waited for. */
    private static double childrenCpuSeconds() throws Exception {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" "); // fields from the 3rd (state) on
        return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / CLOCK_TICKS; // 16th and 17th fields
    }

    private Timing time(String what, java.util.function.Supplier<HttpResponse<String>> request, String mustContain) {
        for (int i = 0; i < WARM_UP; i++) {
            request.get();
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long began = System.nanoTime();
            HttpResponse<String> response = request.get();
            millis.add((System.nanoTime() - began) / 1e6);
            if (response.statusCode() != 200 || !response.body().contains(mustContain)) {
                throw new IllegalStateException(what + " answered " + response.statusCode() + " without "
                        + mustContain + ": " + response.body().substring(0, Math.min(500, response.body().length())));
            }
        }
        return new Timing(what, millis);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("switchboard-large-pacemaker");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
