package dev.switchboard.rollout;

import dev.switchboard.Translatable;
import dev.switchboard.audit.AuditActor;
import dev.switchboard.audit.AuditRecord.Outcome;
import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.FailoverGroup;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** Creates a rolling update of a group: at most one open run per group; the standby is updated first. */
@Service
public class CreateRun {

    private final RolloutStore store;
    private final ClusterDefinition definition;
    private final RolloutAudit audit;

    CreateRun(RolloutStore store, ClusterDefinition definition, RolloutAudit audit) {
        this.store = store;
        this.definition = definition;
        this.audit = audit;
    }

    public Rollout create(String groupName, String title, String version, AuditActor actor) {
        String source = definition.source().getFileName().toString();
        FailoverGroup group = definition.group(groupName).orElseThrow(() -> refused(groupName, actor,
                new RolloutRefused("there is no group " + groupName,
                        Translatable.of("rollout.error.noGroup", groupName))));
        String cleanTitle = RolloutRules.clean(title);
        String cleanVersion = RolloutRules.clean(version);
        RolloutRules.groupUnfit(group, source)
                .or(() -> RolloutRules.badTitle(cleanTitle))
                .or(() -> RolloutRules.badVersion(cleanVersion))
                .ifPresent(refusal -> {
                    throw refused(groupName, actor, refusal);
                });
        Rollout run = new Rollout(UUID.randomUUID().toString(), groupName, cleanTitle, cleanVersion,
                group.homeServer(), group.servers().get(1), actor.name(), Instant.now(), Rollout.State.OPEN,
                RolloutStep.PRE_CHECK, actor.name(), null, null, List.of(), List.of());
        try {
            store.insert(run);
        } catch (DuplicateKeyException e) {
            Rollout open = store.openRunOf(groupName).flatMap(store::find).orElseThrow(() -> e);
            throw audit.refused(open, actor, "rollout.error.alreadyOpen", "group " + groupName
                    + " already has an open rolling update; refused a second one “" + cleanTitle + "”", groupName,
                    open.title(), open.createdBy());
        }
        audit.record(run, actor, "rollout-created", Outcome.SUCCESS, "“" + cleanTitle + "”: update " + groupName
                + " to " + cleanVersion + "; standby " + run.standby() + " first, then " + run.home(), null);
        return store.find(run.id()).orElseThrow();
    }

    private RolloutRefused refused(String group, AuditActor actor, RolloutRefused refusal) {
        audit.refusedCreation(group, definition.group(group).isPresent(), actor, refusal);
        return refusal;
    }
}
