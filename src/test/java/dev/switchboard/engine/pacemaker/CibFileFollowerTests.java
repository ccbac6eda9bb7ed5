package dev.switchboard.engine.pacemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CibFileFollowerTests {

    @TempDir
    Path dir;

    @Test
    void aWriteOrAReplacementOfTheFileIsASignAndNothingElseIs() throws Exception {
        Path cib = Files.writeString(dir.resolve("cib.xml"), "<cib epoch=\"1\"/>");
        AtomicInteger signs = new AtomicInteger();
        try (CibFileFollower follower = new CibFileFollower(cib, "n1", signs::incrementAndGet)) {
            follower.start();
            assertThat(follower.running()).isTrue();
            Thread.sleep(5 * CibFileFollower.LOOK.toMillis());
            assertThat(signs).as("an unchanged file").hasValue(0);

            Files.writeString(cib, "<cib epoch=\"22\"/>");
            await().atMost(Duration.ofSeconds(2)).until(() -> signs.get() == 1);

            Path next = Files.writeString(dir.resolve("cib.new"), "<cib epoch=\"23\"/>");
            Files.move(next, cib, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            await().atMost(Duration.ofSeconds(2)).until(() -> signs.get() == 2);

            follower.close();
            await().atMost(Duration.ofSeconds(2)).until(() -> !follower.running());
            Files.writeString(cib, "<cib epoch=\"24\"/>");
            Thread.sleep(5 * CibFileFollower.LOOK.toMillis());
            assertThat(signs).as("closed: no more signs").hasValue(2);
        }
    }
}
