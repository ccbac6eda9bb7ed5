package dev.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A command's output bytes, as they come in pieces of any size, cut into the lines a page shows. */
class OutputLinesTests {

    private final List<String> seen = new ArrayList<>();
    private final OutputLines lines = new OutputLines(seen::add);

    @Test
    void eachCompleteLineIsHandedOnAtOnceWithoutItsBreak() {
        feed(lines, "unpacking\nchecking");
        assertThat(seen).containsExactly("unpacking");
        feed(lines, " files\r\ndone\n");
        assertThat(seen).containsExactly("unpacking", "checking files", "done");
    }

    @Test
    void aCharacterCutBetweenTwoReadsArrivesWhole() {
        byte[] japanese = "チェック中\n".getBytes(StandardCharsets.UTF_8);
        lines.accept(japanese, 0, 2); // inside the first character's three bytes
        lines.accept(japanese, 2, japanese.length - 2);
        assertThat(seen).containsExactly("チェック中");
    }

    @Test
    void aLastLineWithoutABreakArrivesAtTheEndAndNothingAfterIt() {
        feed(lines, "exit code follows\n\nlast");
        assertThat(seen).containsExactly("exit code follows", "");
        lines.finish();
        feed(lines, "late\n");
        lines.finish();
        assertThat(seen).containsExactly("exit code follows", "", "last");
    }

    @Test
    void aConsumerThatFailsStopsNeitherTheReadingNorTheNextLines() {
        OutputLines failingOnce = new OutputLines(line -> {
            if (line.equals("bad")) {
                throw new IllegalStateException("the page's file is gone");
            }
            seen.add(line);
        });
        feed(failingOnce, "bad\ngood\n");
        assertThat(seen).containsExactly("good");
    }

    @Test
    void outputAndErrorsKeepTheirOwnHalfLinesAndFeedOneConsumer() {
        OutputLines errors = lines.forAnotherStream();
        feed(lines, "out ");
        feed(errors, "err\n");
        feed(lines, "line\n");
        errors.finish();
        feed(lines, "more\n");
        assertThat(seen).as("the errors' end does not end the output").containsExactly("err", "out line", "more");
    }

    private static void feed(OutputLines to, String text) {
        byte[] bytes = ("#" + text).getBytes(StandardCharsets.UTF_8);
        to.accept(bytes, 1, bytes.length - 1); // from an offset, as a reader's buffer hands them
        Arrays.fill(bytes, (byte) 'x'); // the reader reuses its buffer
    }
}
