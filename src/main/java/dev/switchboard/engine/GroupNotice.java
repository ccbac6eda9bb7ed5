package dev.switchboard.engine;

import dev.switchboard.Translatable;
import java.time.Instant;

/**
 * Something an operator should know about a group beyond its state, for as long as it holds: the
 * status page and the read API show it under the group. An engine that has none to give (the
 * ones that watch a cluster manager) gives none.
 *
 * @param kind     a short stable word for API clients and the page's styling, e.g. {@code mount-point-not-empty}
 * @param severity whether the operator must act ({@link Severity#WARNING}) or Switchboard acted and says so
 * @param text     what holds, where, and what to do, in the reader's language
 * @param since    when the engine first saw it (wall clock, for people)
 */
public record GroupNotice(String kind, Severity severity, Translatable text, Instant since) {

    public enum Severity {
        /** Holds until someone acts: Switchboard will not resolve it on its own. */
        WARNING,
        /** Switchboard acted on its own; shown so that whoever looks later learns of it. */
        INFO;

        /** Lower-case, as the API and the page's class names write it. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public GroupNotice {
        if (kind == null || kind.isBlank() || severity == null || text == null || since == null) {
            throw new IllegalArgumentException("a group notice needs a kind, a severity, a text and a time");
        }
    }
}
