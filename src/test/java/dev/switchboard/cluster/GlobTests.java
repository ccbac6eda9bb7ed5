package dev.switchboard.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GlobTests {

    @Test
    void matchesTheWholeCommandLine() {
        Glob glob = Glob.compile("clweb_serv*");

        assertThat(glob.matches("clweb_serv --port 1")).isTrue();
        assertThat(glob.matches("clweb_serv")).isTrue();
        assertThat(glob.matches("/usr/bin/clweb_serv")).isFalse();
        assertThat(Glob.compile("clweb_serv").matches("clweb_serv --port 1")).isFalse();
    }

    @Test
    void supportsClassesRangesNegationAndEscapes() {
        assertThat(Glob.compile("srv[12]?x").matches("srv1ax")).isTrue();
        assertThat(Glob.compile("srv[!12]").matches("srv3")).isTrue();
        assertThat(Glob.compile("srv[!12]").matches("srv1")).isFalse();
        assertThat(Glob.compile("v[0-9].[0-9]").matches("v1.5")).isTrue();
        assertThat(Glob.compile("a\\*b").matches("a*b")).isTrue();
        assertThat(Glob.compile("a\\*b").matches("axb")).isFalse();
        assertThat(Glob.compile("a.b(c)").matches("a.b(c)")).isTrue();
        assertThat(Glob.compile("a.b").matches("axb")).isFalse();
    }

    @Test
    void rejectsBrokenPatternsWithTheReason() {
        assertThatThrownBy(() -> Glob.compile("x[ab")).hasMessage("'[' at position 2 is never closed with ']'");
        assertThatThrownBy(() -> Glob.compile("x]")).hasMessage("']' at position 2 has no opening '['");
        assertThatThrownBy(() -> Glob.compile("[z-a]")).hasMessage("the range 'z-a' is reversed");
        assertThatThrownBy(() -> Glob.compile("x\\")).hasMessage("the pattern ends with a lone '\\'");
        assertThatThrownBy(() -> Glob.compile("")).hasMessage("the pattern is empty");
    }
}
