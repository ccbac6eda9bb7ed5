package dev.switchboard.engine.embedded;

import dev.switchboard.cluster.Exec;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.engine.ScriptRun;
import java.nio.file.Path;
import java.util.Map;

/** Runs the exec resource's start and stop scripts with the vendor's environment. */
final class ExecDriver implements ResourceDriver {

    private final Exec exec;
    private final FailoverGroup group;
    private final ScriptRunner runner;
    private final EmbeddedEnvironment environment;

    ExecDriver(Exec exec, FailoverGroup group, ScriptRunner runner, EmbeddedEnvironment environment) {
        this.exec = exec;
        this.group = group;
        this.runner = runner;
        this.environment = environment;
    }

    @Override
    public Exec resource() {
        return exec;
    }

    @Override
    public void activate(Context context) throws ResourceFailed {
        run(context, "start", exec.start());
    }

    @Override
    public void deactivate(Context context) throws ResourceFailed {
        run(context, "stop", exec.stop());
    }

    /** Nothing of an exec resource lives in Switchboard; the group's monitors have judged its processes. */
    @Override
    public void adopt(Context context) {
    }

    private void run(Context context, String action, Path script) throws ResourceFailed {
        Map<String, String> env = environment.forServer(context.server(), group);
        env.put("CLP_EVENT", context.event());
        env.put("CLP_DISK", context.diskConnected() ? "SUCCESS" : "FAILURE");
        env.put("CLP_RESOURCENAME", exec.name());
        if (context.factor() != null) {
            env.put("CLP_FACTOR", context.factor());
        }
        ScriptRun run = runner.run(new ScriptRunner.Request(group.name(), exec.name(), context.server().name(), action,
                context.event(), script, env, exec.timeout(), context.server().root()));
        context.scriptRuns().accept(run);
        if (!run.succeeded()) {
            throw new ResourceFailed(ScriptRunner.describeFailure(run));
        }
    }
}
