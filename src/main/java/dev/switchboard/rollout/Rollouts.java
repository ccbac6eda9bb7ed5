package dev.switchboard.rollout;

import dev.switchboard.operations.Check;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Rolling updates as they stand: the runs, the current step's live checks, the installed
 * versions and each update command (live while it runs). The actions are classes of their own
 * ({@link CreateRun}, {@link SignOffStep}, {@link RunUpdateCommand}, {@link AbandonRun}, ...).
 */
@Service
public class Rollouts {

    private final RolloutStore store;
    private final RolloutChecks checks;
    private final UpdateCommandJobs jobs;

    Rollouts(RolloutStore store, RolloutChecks checks, UpdateCommandJobs jobs) {
        this.store = store;
        this.checks = checks;
        this.jobs = jobs;
    }

    public Optional<Rollout> find(String id) {
        return store.find(id);
    }

    public Optional<Rollout> openRunOf(String group) {
        return store.openRunOf(group).flatMap(store::find);
    }

    public List<Rollout> recent() {
        return store.recent(20).stream().map(store::find).flatMap(Optional::stream).toList();
    }

    /** The current step's checks as they stand now; empty for a finished run. */
    public List<Check> liveChecks(Rollout run) {
        return run.open() ? checks.of(run, run.currentStep()) : List.of();
    }

    /** The installed version on each of the group's servers, as far as it can be read now. */
    public Map<String, String> installedVersions(Rollout run) {
        Map<String, String> versions = new LinkedHashMap<>();
        checks.declared(run.group()).ifPresent(group -> group.servers()
                .forEach(s -> versions.put(s, checks.installedVersion(group, s).orElse("-"))));
        return versions;
    }

    /** The step's last update command: while it runs with its output so far, else as recorded. */
    public Optional<UpdateCommandRun> updateCommand(Rollout run, RolloutStep step) {
        Optional<UpdateCommandRun> recorded = Optional.ofNullable(run.step(step).update());
        if (recorded.filter(UpdateCommandRun::running).isPresent() && run.currentStep() == step) {
            return jobs.running(run.id()).or(() -> store.find(run.id()).map(r -> r.step(step).update()));
        }
        return recorded;
    }

    /** Whether the run's update command runs now. */
    public boolean updateRunning(Rollout run) {
        return jobs.running(run.id()).isPresent();
    }
}
