package dev.switchboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.HttpSession;
import dev.switchboard.SwitchboardProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Abuse without an account, against the real application as its own process (the tiny cluster,
 * nothing started): how long a 1 MB login name takes to be refused, and the heap after a full GC
 * (jcmd) as 5,000 and then 10,000 failed logins with unique names come in. Targets: the refusal
 * under 50 ms (median), and the heap flat: at 10,000 names no more than 16 MB above the heap after
 * 1,000. Writes target/benchmarks/login-abuse.md.
 */
class LoginAbuseBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dataDir;

    @Test
    void aMegabyteNameIsRefusedAtOnceAndFailedLoginsKeepTheHeapFlat() throws Exception {
        SwitchboardProcess switchboard = new SwitchboardProcess(dataDir.resolve("switchboard.log"),
                "--switchboard.data-dir=" + dataDir,
                "--switchboard.cluster.location=" + Path.of("src/test/clusters/tiny/cluster.yml").toAbsolutePath())
                .start();
        try {
            await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> HTTP.send(HttpRequest.newBuilder(
                    URI.create(switchboard.url("/actuator/health"))).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode() == 200);
            long pid = pid(switchboard);
            List<Long> refusals = new ArrayList<>();
            String megabyte = "n".repeat(1 << 20);
            for (int i = 0; i < 21; i++) {
                HttpSession session = new HttpSession(switchboard.url(""));
                session.get("/login");
                long start = System.nanoTime();
                HttpResponse<String> answer = session.post("/login", "username=" + megabyte + "&password=x", true);
                refusals.add(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start));
                assertThat(answer.statusCode()).isEqualTo(400);
            }
            List<String> heap = new ArrayList<>();
            AtomicInteger sent = new AtomicInteger();
            failedLogins(switchboard, sent, 1_000);
            long base = heapAfterGc(pid);
            heap.add("| 1,000 | " + base / 1024 + " KiB |");
            for (int target : new int[] {5_000, 10_000}) {
                failedLogins(switchboard, sent, target);
                heap.add("| " + String.format("%,d", target) + " | " + heapAfterGc(pid) / 1024 + " KiB |");
            }
            long last = heapAfterGc(pid);
            long median = refusals.stream().sorted().toList().get(refusals.size() / 2);
            Files.createDirectories(Path.of("target/benchmarks"));
            Files.writeString(Path.of("target/benchmarks/login-abuse.md"), "# Login abuse\n\n"
                    + "1 MB login name refused (21 form posts, each with its CSRF token): median " + median / 1000.0
                    + " ms, slowest " + refusals.stream().max(Long::compare).orElseThrow() / 1000.0 + " ms (target ≤ 50 ms)\n\n"
                    + "| failed logins with unique names | heap after full GC |\n|---|---|\n" + String.join("\n", heap)
                    + "\n\nTarget: at 10,000 names at most 16 MB above the heap at 1,000.\n");
            assertThat(median).as("median refusal of a 1 MB name, µs").isLessThan(50_000);
            assertThat(last - base).as("heap growth from 1,000 to 10,000 unique names, bytes").isLessThan(16L << 20);
        } finally {
            switchboard.stop();
        }
    }

    /** Failed HTTP Basic logins with unique made-up names until {@code until} were sent, 8 at a time. */
    private static void failedLogins(SwitchboardProcess switchboard, AtomicInteger sent, int until) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int i = sent.get(); i < until; i++) {
                int n = i;
                pool.submit(() -> {
                    String auth = Base64.getEncoder().encodeToString(("intruder-" + n + ":guess").getBytes());
                    try {
                        HTTP.send(HttpRequest.newBuilder(URI.create(switchboard.url("/api/v1/cluster")))
                                .header("Authorization", "Basic " + auth).build(), HttpResponse.BodyHandlers.discarding());
                    } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.MINUTES)).isTrue();
            sent.set(until);
        }
    }

    private static long pid(SwitchboardProcess switchboard) throws Exception {
        String port = switchboard.url("").replaceAll(".*:(\\d+)$", "$1");
        Process ss = new ProcessBuilder("sh", "-c", "ss -ltnpH 'sport = :" + port + "' | grep -o 'pid=[0-9]*' | head -1")
                .start();
        String out = new String(ss.getInputStream().readAllBytes()).strip();
        ss.waitFor();
        return Long.parseLong(out.replace("pid=", ""));
    }

    /** Used heap right after a full GC of the Switchboard process, by jcmd. */
    private static long heapAfterGc(long pid) throws Exception {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        new ProcessBuilder(jcmd, String.valueOf(pid), "GC.run").start().waitFor();
        Process info = new ProcessBuilder(jcmd, String.valueOf(pid), "GC.heap_info").start();
        String out = new String(info.getInputStream().readAllBytes());
        info.waitFor();
        var m = java.util.regex.Pattern.compile("used (\\d+)K").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return Long.parseLong(m.group(1)) * 1024;
    }
}
