package dev.switchboard.cluster.internal;

import static dev.switchboard.cluster.internal.ClusterYaml.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.cluster.ConfigProblem;
import dev.switchboard.cluster.Resource;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceChecksTests {

    @TempDir
    Path tempDir;

    private ClusterYaml yaml;

    @BeforeEach
    void files() {
        yaml = new ClusterYaml(tempDir);
    }

    @Test
    void aGroupServerThatIsNoServerOfTheCluster() {
        assertProblem(yaml.onlyProblem("""
                cluster: {name: c}
                servers: [{name: srv1, address: 127.0.0.21}, {name: srv2, address: 127.0.0.22}]
                groups:
                  - name: g
                    servers: [srv1, srv3]
                    resources: [{name: svc, type: service, command: [x]}]
                """), "groups[0].servers[1]", 5, "'srv3' is not a server of this cluster.", "use one of: srv1, srv2.");
    }

    @Test
    void aGroupServerListedTwice() {
        assertProblem(yaml.onlyProblem("""
                cluster: {name: c}
                servers: [{name: srv1, address: 127.0.0.21}, {name: srv2, address: 127.0.0.22}]
                groups:
                  - name: g
                    servers: [srv1, srv2, srv1]
                    resources: [{name: svc, type: service, command: [x]}]
                """), "groups[0].servers[2]", 5, "'srv1' is listed twice.", "list each server once.");
    }

    @Test
    void aMonitorTargetResourceThatDoesNotExist() {
        assertProblem(yaml.onlyProblem(ClusterYaml.MINIMAL + """
                monitors:
                  - name: m
                    type: process-name
                    pattern: "sleep*"
                    timing: active
                    target-resource: exec9
                    recovery: {target: g}
                """), "monitors[0].target-resource", 13, "'exec9' is not a resource of this cluster.",
                "use one of: svc.");
    }

    @Test
    void aRecoveryTargetThatIsNeitherGroupNorResource() {
        assertProblem(yaml.onlyProblem(ClusterYaml.MINIMAL + """
                monitors:
                  - name: m
                    type: process-name
                    pattern: "sleep*"
                    recovery:
                      target: g9
                """), "monitors[0].recovery.target", 13, "'g9' is neither a group nor a resource of this cluster.",
                "use a group (g) or a resource (svc).");
    }

    @Test
    void aRecoveryMayTargetTheGroupOrOneOfItsResources() {
        var definition = yaml.read(ClusterYaml.MINIMAL + """
                monitors:
                  - {name: m1, type: process-name, pattern: "a*", recovery: {target: g}}
                  - {name: m2, type: process-name, pattern: "b*", timing: active, target-resource: svc,
                     recovery: {target: svc}}
                """);

        assertThat(definition.monitors()).extracting(m -> m.recovery().target()).containsExactly("g", "svc");
        assertThat(definition.monitors().get(1).timing().targetResource()).isEqualTo("svc");
    }

    @Test
    void aDependencyOnAResourceOfAnotherGroupIsUnknown() {
        assertProblem(yaml.onlyProblem(ClusterYaml.MINIMAL + """
                      - {name: svc2, type: service, command: [x], depends-on: [svc, other]}
                  - name: h
                    servers: [srv2]
                    resources: [{name: other, type: service, command: [x]}]
                """), "groups[0].resources[1].depends-on[1]", 8, "'other' is not a resource of this group.",
                "use one of: svc, svc2.");
    }

    @Test
    void aDependencyCycleNamesItsMembers() {
        assertProblem(yaml.onlyProblem("""
                cluster: {name: c}
                servers: [{name: srv1, address: 127.0.0.21}]
                groups:
                  - name: g
                    servers: [srv1]
                    resources:
                      - {name: a, type: service, command: [x], depends-on: [b]}
                      - {name: b, type: service, command: [x], depends-on: [a]}
                """), "groups[0].resources[0].depends-on", 7, "the dependencies form a cycle: a → b → a.",
                "remove one of these dependencies so the resources can start one after another.");
    }

    @Test
    void explicitDependenciesOrderTheResources() {
        var group = yaml.read("""
                cluster: {name: c}
                servers: [{name: srv1, address: 127.0.0.21}]
                groups:
                  - name: g
                    servers: [srv1]
                    resources:
                      - {name: c, type: service, command: [x], depends-on: [b]}
                      - {name: b, type: service, command: [x], depends-on: [a]}
                      - {name: a, type: service, command: [x], depends-on: []}
                """).groups().get(0);

        assertThat(group.resources()).extracting(Resource::name).containsExactly("a", "b", "c");
    }

    @Test
    void aResourceWithAnInvalidNameDoesNotBreakTheMonitorChecks() {
        var problems = yaml.problems(ClusterYaml.MINIMAL + """
                      - {name: "bad name", type: service, command: [x]}
                monitors:
                  - {name: m, type: process-name, pattern: "a*", timing: active, target-resource: svc,
                     recovery: {target: nothing}}
                """);

        assertThat(problems).extracting(ConfigProblem::path)
                .containsExactly("groups[0].resources[1].name", "monitors[0].recovery.target");
        assertThat(problems.get(1).fix()).isEqualTo("use a group (g) or a resource (svc).");
    }
}
