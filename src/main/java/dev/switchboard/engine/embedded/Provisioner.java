package dev.switchboard.engine.embedded;

import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.engine.ScriptRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the definition's provision script once for each server whose root directory is new,
 * like installing the application on a fresh machine.
 */
final class Provisioner {

    private static final Logger log = LoggerFactory.getLogger(Provisioner.class);
    private static final String DONE = ".provisioned";
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final ClusterDefinition definition;
    private final ScriptRunner runner;
    private final EmbeddedEnvironment environment;

    Provisioner(ClusterDefinition definition, ScriptRunner runner, EmbeddedEnvironment environment) {
        this.definition = definition;
        this.runner = runner;
        this.environment = environment;
    }

    void provisionIfNew(ServerLayout server) {
        Path done = server.root().resolve(DONE);
        try {
            Files.createDirectories(server.root());
            if (definition.provisionScript() == null || Files.exists(done)) {
                return;
            }
            FailoverGroup group = definition.groups().stream().filter(g -> g.servers().contains(server.name()))
                    .findFirst().orElse(null);
            Map<String, String> env = environment.forServer(server, group);
            ScriptRun run = runner.run(new ScriptRunner.Request("provision", "provision", server.name(), "provision",
                    "PROVISION", definition.provisionScript(), env, TIMEOUT, server.root()));
            if (run.succeeded()) {
                Files.writeString(done, "provisioned by " + definition.provisionScript() + "\n");
                log.info("provisioned server {} in {}", server.name(), server.root());
            } else {
                log.error("provisioning server {} failed: {}", server.name(), ScriptRunner.describeFailure(run));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare the directory of server " + server.name() + " at "
                    + server.root() + ": " + e.getMessage(), e);
        }
    }
}
