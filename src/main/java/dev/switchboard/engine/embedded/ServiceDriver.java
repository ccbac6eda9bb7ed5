package dev.switchboard.engine.embedded;

import dev.switchboard.Translatable;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.cluster.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** A supervised command: spawned on activation, TERM then KILL on deactivation. */
final class ServiceDriver implements ResourceDriver {

    private static final String RESOURCE = "SWITCHBOARD_RESOURCE";

    private final Service service;
    private final FailoverGroup group;
    private final EmbeddedEnvironment environment;
    private final ProcessTable processes;
    private final Path logDir;

    ServiceDriver(Service service, FailoverGroup group, EmbeddedEnvironment environment, ProcessTable processes,
                  Path logDir) {
        this.service = service;
        this.group = group;
        this.environment = environment;
        this.processes = processes;
        this.logDir = logDir;
    }

    @Override
    public Service resource() {
        return service;
    }

    @Override
    public void activate(Context context) throws ResourceFailed {
        Map<String, String> env = environment.forServer(context.server(), group);
        env.put("CLP_EVENT", context.event());
        env.put("CLP_RESOURCENAME", service.name());
        env.put(RESOURCE, service.name());
        try {
            Files.createDirectories(logDir);
            ProcessBuilder builder = new ProcessBuilder(service.command())
                    .directory(context.server().root().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logDir.resolve(service.name() + ".log").toFile()));
            CleanEnvironment.replace(builder.environment(), env);
            Process process = builder.start();
            if (process.waitFor(200, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                throw new ResourceFailed(Translatable.of("engine.resource.serviceExited", service.command().get(0),
                        Integer.toString(process.exitValue()), logDir.resolve(service.name() + ".log").toString()));
            }
        } catch (IOException e) {
            throw new ResourceFailed(Translatable.of("engine.resource.serviceCannotStart", service.command().toString(),
                    e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResourceFailed(Translatable.of("engine.resource.serviceInterrupted"));
        }
    }

    @Override
    public void deactivate(Context context) {
        processes.terminate(running(context.server()), service.stopTimeout());
    }

    @Override
    public void adopt(Context context) throws ResourceFailed {
        if (running(context.server()).isEmpty()) {
            throw new ResourceFailed(Translatable.of("engine.resource.serviceNotRunning", service.name(),
                    context.server().name()));
        }
    }

    private Set<Long> running(ServerLayout server) {
        return processes.withEnvironment(RESOURCE + "=" + service.name(), server.processMarker(),
                environment.clusterMarker());
    }

}
