package dev.switchboard.rollout;

import dev.switchboard.SwitchboardProperties;
import dev.switchboard.audit.AuditActor;
import dev.switchboard.audit.AuditRecord.Outcome;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.cluster.LinkCheck;
import dev.switchboard.engine.ServerAccess;
import dev.switchboard.engine.EngineException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The relink step's action: makes every declared link on the step's server point where it must,
 * keeping what the update left there under the data directory.
 */
@Service
class RelinkServer {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final StepGuard guard;
    private final StepPreconditions preconditions;
    private final ServerAccess servers;
    private final RolloutAudit audit;
    private final Path dataDir;

    RelinkServer(StepGuard guard, StepPreconditions preconditions, ServerAccess servers, RolloutAudit audit,
                 SwitchboardProperties properties) {
        this.guard = guard;
        this.preconditions = preconditions;
        this.servers = servers;
        this.audit = audit;
        this.dataDir = properties.dataDir();
    }

    /** Returns what was done, one line per link. */
    List<String> relink(String id, int step, AuditActor actor) {
        return guard.withRun(id, step, actor, run -> {
            FailoverGroup group = preconditions.declaredStepOf(run, actor, RolloutStep.Kind.RELINK);
            String server = run.server(run.currentStep());
            preconditions.requireServerAccess(run, actor, server, "rollout.error.relinkUnavailable");
            preconditions.requireApplicationStopped(run, actor, server);
            Path keepIn = dataDir.resolve("rollouts").resolve(run.id()).resolve(STAMP.format(Instant.now()))
                    .toAbsolutePath().normalize();
            List<String> done = new ArrayList<>();
            for (LinkCheck link : group.linkChecks()) {
                relink(run, actor, server, link, keepIn).ifPresent(done::add);
            }
            if (done.isEmpty()) {
                throw audit.refused(run, actor, "rollout.error.nothingToRelink",
                        "every link already points where it must", server);
            }
            return done;
        });
    }

    private Optional<String> relink(Rollout run, AuditActor actor, String server, LinkCheck link, Path keepIn) {
        Optional<String> before = servers.linkTarget(server, link.link());
        if (before.filter(link.target()::equals).isPresent()) {
            return Optional.empty();
        }
        String what = link.link() + " → " + link.target() + " on " + server;
        try {
            Optional<Path> kept = servers.relink(server, link.link(), link.target(), keepIn);
            String was = kept.map(p -> "the local folder there is kept in " + p)
                    .orElse(before.map(t -> "it pointed to " + t).orElse("nothing was there"));
            audit.record(run, actor, "rollout-relinked", Outcome.SUCCESS, audit.step(run) + ": " + what + "; " + was,
                    server);
            return Optional.of(what + "; " + was);
        } catch (EngineException e) {
            audit.record(run, actor, "rollout-relinked", Outcome.FAILURE, audit.step(run) + ": " + what + ": "
                    + e.getMessage(), server);
            throw e;
        }
    }
}
