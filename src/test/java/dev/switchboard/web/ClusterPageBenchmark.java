package dev.switchboard.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.switchboard.operations.EngineFeatures;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Rerunnable benchmark of the whole-cluster page and the inventory API on a 16-node, 100-resource
 * inventory ({@link ClusterInventories#large()}): {@code mvn -Pbenchmark verify -Dit.test=ClusterPageBenchmark}.
 * Times GET /cluster and GET /api/v1/cluster/inventory through Spring MVC, the security filters,
 * the real templates and JSON writer (MockMvc: no socket, so the figures are the server's work).
 * Writes target/benchmarks/cluster-page.md; docs/benchmarks.md keeps the recorded results.
 */
@WebMvcTest(controllers = {ClusterPageController.class, ClusterInventoryApiController.class})
@Import({ClusterPageTests.InventoryEngine.class, EngineFeatures.class})
@AutoConfigureMockMvc(print = MockMvcPrint.NONE) // the slice's print-on-failure formats every response: not the server's work
@WithMockUser(roles = "VIEWER")
class ClusterPageBenchmark {

    private static final int WARM_UP = 200;
    private static final int RUNS = 101;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Wall-clock and CPU milliseconds of each run: MockMvc serves on this thread, so its CPU time is the request's work. */
    private record Times(List<Double> wall, List<Double> cpu) {
    }

    @Autowired
    MockMvc mvc;

    @Test
    void measure() throws Exception {
        ClusterPageTests.InventoryEngine.INVENTORY.set(ClusterInventories.large());
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Times page = times("/cluster", "res-99");
        Times pageJa = times("/cluster?lang=ja", "res-99");
        Times api = times("/api/v1/cluster/inventory", "res-99");
        int pageBytes = fetch("/cluster").getContentAsByteArray().length;
        int apiBytes = fetch("/api/v1/cluster/inventory").getContentAsByteArray().length;
        String report = """
                ## Whole-cluster page and inventory API, 16 nodes × 100 resources, %s

                Machine: %d cores, Java %s. Command: `mvn -Pbenchmark verify -Dit.test=ClusterPageBenchmark`
                (MockMvc through the security filters, the real templates and JSON writer; %d warm-up requests,
                then %d timed, one at a time). Load average at the start: %.1f. CPU is the serving thread's CPU time,
                which the machine's other load does not inflate.

                | measure | median | p95 | median CPU | target (median) |
                |---|---|---|---|---|
                | `GET /cluster` (English, %d KiB of HTML) | %.1f ms | %.1f ms | %.1f ms | ≤ 150 ms |
                | `GET /cluster` in Japanese | %.1f ms | %.1f ms | %.1f ms | ≤ 150 ms |
                | `GET /api/v1/cluster/inventory` (%d KiB of JSON) | %.1f ms | %.1f ms | %.1f ms | ≤ 50 ms |
                """.formatted(LocalDate.now(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), WARM_UP, RUNS, load, pageBytes / 1024, median(page.wall()),
                p95(page.wall()), median(page.cpu()), median(pageJa.wall()), p95(pageJa.wall()), median(pageJa.cpu()),
                apiBytes / 1024, median(api.wall()), p95(api.wall()), median(api.cpu()));
        Path out = Files.createDirectories(Path.of("target/benchmarks")).resolve("cluster-page.md");
        Files.writeString(out, report);
        System.out.println(report);
        SoftAssertions.assertSoftly(soft -> { // the report is written first, so a missed target still leaves its figures
            soft.assertThat(median(page.wall())).as("target: GET /cluster on 16 × 100 ≤ 150 ms; measured median %.1f ms",
                    median(page.wall())).isLessThanOrEqualTo(150.0);
            soft.assertThat(median(api.wall())).as("target: GET /api/v1/cluster/inventory on 16 × 100 ≤ 50 ms;"
                    + " measured median %.1f ms", median(api.wall())).isLessThanOrEqualTo(50.0);
        });
    }

    private Times times(String path, String mustContain) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            fetch(path);
        }
        Times times = new Times(new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < RUNS; i++) {
            long cpu = THREADS.getCurrentThreadCpuTime();
            long began = System.nanoTime();
            MockHttpServletResponse response = fetch(path);
            times.wall().add((System.nanoTime() - began) / 1e6);
            times.cpu().add((THREADS.getCurrentThreadCpuTime() - cpu) / 1e6);
            if (response.getStatus() != 200 || !response.getContentAsString().contains(mustContain)) {
                throw new IllegalStateException(path + " did not answer the whole inventory: " + response.getStatus());
            }
        }
        return times;
    }

    private MockHttpServletResponse fetch(String path) throws Exception {
        return mvc.perform(get(path)).andReturn().getResponse();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static double p95(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1);
    }
}
