package dev.switchboard.cluster.internal;

import static dev.switchboard.cluster.internal.ClusterYaml.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UniquenessChecksTests {

    @TempDir
    Path tempDir;

    private ClusterYaml yaml;

    @BeforeEach
    void files() {
        yaml = new ClusterYaml(tempDir);
    }

    @Test
    void aServerNameUsedTwiceIsReportedAtTheSecond() {
        assertProblem(yaml.onlyProblem("""
                cluster: {name: c}
                servers:
                  - {name: srv1, address: 127.0.0.21}
                  - {name: srv1, address: 127.0.0.22}
                groups:
                  - {name: g, servers: [srv1], resources: [{name: svc, type: service, command: [x]}]}
                """), "servers[1].name", 4, "the server name 'srv1' is already used at servers[0].",
                "give every server its own name.");
    }

    @Test
    void twoServersOnOneAddress() {
        assertProblem(yaml.onlyProblem("""
                cluster: {name: c}
                servers:
                  - {name: srv1, address: 127.0.0.21}
                  - {name: srv2, address: 127.0.0.21}
                groups:
                  - {name: g, servers: [srv1], resources: [{name: svc, type: service, command: [x]}]}
                """), "servers[1].address", 4, "the address 127.0.0.21 is already used by servers[0].",
                "give every server its own address.");
    }

    @Test
    void aGroupNameUsedTwice() {
        assertProblem(yaml.onlyProblem(ClusterYaml.MINIMAL + """
                  - name: g
                    servers: [srv2]
                    resources: [{name: svc2, type: service, command: [x]}]
                """), "groups[1].name", 8, "the group name 'g' is already used at groups[0].",
                "give every group its own name.");
    }

    @Test
    void resourceNamesAreUniqueAcrossGroups() {
        assertProblem(yaml.onlyProblem(ClusterYaml.MINIMAL + """
                  - name: h
                    servers: [srv2]
                    resources: [{name: svc, type: service, command: [x]}]
                """), "groups[1].resources[0].name", 10,
                "the resource name 'svc' is already used at groups[0].resources[0].",
                "resource names must be unique in the whole cluster; rename one of them.");
    }

    @Test
    void aResourceNameIsClaimedEvenWhenItsTypeIsWrong() {
        var problems = yaml.problems(ClusterYaml.MINIMAL + """
                      - {name: svc, type: nfs}
                """);

        assertThat(problems).extracting(p -> p.path())
                .containsExactly("groups[0].resources[1].name", "groups[0].resources[1].type");
    }

    @Test
    void aMonitorNameUsedTwice() {
        assertProblem(yaml.onlyProblem(ClusterYaml.MINIMAL + """
                monitors:
                  - {name: m, type: process-name, pattern: "a*", recovery: {target: g}}
                  - {name: m, type: process-name, pattern: "b*", recovery: {target: g}}
                """), "monitors[1].name", 10, "the monitor name 'm' is already used at monitors[0].",
                "give every monitor its own name.");
    }

    @Test
    void twoFloatingIpsOnOneAddressAndPort() {
        assertProblem(yaml.onlyProblem(ClusterYaml.MINIMAL + """
                      - {name: ip1, type: fip, address: 127.0.0.23, port: 8080}
                  - name: h
                    servers: [srv2]
                    resources: [{name: ip2, type: fip, address: 127.0.0.23, port: 8080}]
                """), "groups[1].resources[0].address", 11,
                "the floating address 127.0.0.23:8080 is already claimed by groups[0].resources[1].",
                "give each floating IP its own address or port.");
    }

    @Test
    void oneFloatingAddressOnTwoPortsIsFine() {
        var definition = yaml.read(ClusterYaml.MINIMAL + """
                      - {name: ip1, type: fip, address: 127.0.0.23, port: 8080}
                      - {name: ip2, type: fip, address: 127.0.0.23, port: 8443}
                """);

        assertThat(definition.groups().get(0).resources()).hasSize(3);
    }

    @Test
    void anInvalidNameIsReportedOnceNotAlsoAsADuplicate() {
        var problems = yaml.problems("""
                cluster: {name: c}
                servers:
                  - {name: "srv 1", address: 127.0.0.21}
                  - {name: "srv 1", address: 127.0.0.22}
                groups:
                  - {name: g, servers: [srv2], resources: [{name: svc, type: service, command: [x]}]}
                """);

        assertThat(problems).extracting(p -> p.path() + " " + p.problem()).containsExactly(
                "servers[0].name 'srv 1' is not a valid name.",
                "servers[1].name 'srv 1' is not a valid name.",
                "groups[0].servers[0] 'srv2' is not a server of this cluster.");
    }
}
