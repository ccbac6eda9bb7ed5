package dev.switchboard.engine;

import dev.switchboard.Translatable;
import java.util.List;

/**
 * A resource of a group: its state, the server where it is active ({@code null} when nowhere),
 * the reason of its last failure ({@code null} when none) and its last script runs, newest first.
 */
public record ResourceStatus(String name, String type, String group, ActivationState state, String server,
                             List<String> dependsOn, Translatable reason, List<ScriptRun> lastRuns) {
}
