package dev.switchboard.cluster.internal;

import dev.switchboard.cluster.FloatingIp;
import dev.switchboard.cluster.ServerDefinition;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Cross-check: nothing is declared twice. Names of servers, groups and monitors, resource names
 * across the whole cluster, server addresses and floating address:port pairs. The first
 * declaration wins; each later one is reported with where the first is.
 */
final class UniquenessChecks {

    private final Problems problems;

    UniquenessChecks(Problems problems) {
        this.problems = problems;
    }

    void check(Declarations declared) {
        names(declared.servers, ServerDefinition::name, "server");
        addresses(declared.servers);
        names(declared.groups, g -> g.name(), "group");
        resourceNames(declared.resourceNames);
        floatingEndpoints(declared.floatingIps);
        names(declared.monitors, m -> m.name(), "monitor");
    }

    private <T> void names(List<Declared<T>> all, Function<T, String> nameOf, String what) {
        Map<String, String> seen = new HashMap<>();
        for (Declared<T> d : all) {
            String name = nameOf.apply(d.value());
            String first = name == null ? null : seen.putIfAbsent(name, d.at().path());
            if (first != null) {
                problems.at(d.at().nodeOf("name"), d.at().childPath("name"), "the " + what + " name '" + name
                        + "' is already used at " + first + ".", "give every " + what + " its own name.");
            }
        }
    }

    private void addresses(List<Declared<ServerDefinition>> servers) {
        Map<String, String> seen = new HashMap<>();
        for (Declared<ServerDefinition> s : servers) {
            String address = s.value().address();
            String first = address == null ? null : seen.putIfAbsent(address, s.at().path());
            if (first != null) {
                problems.at(s.at().nodeOf("address"), s.at().childPath("address"),
                        "the address " + address + " is already used by " + first + ".",
                        "give every server its own address.");
            }
        }
    }

    private void resourceNames(List<Declared<String>> names) {
        Map<String, String> seen = new HashMap<>();
        for (Declared<String> r : names) {
            String first = seen.putIfAbsent(r.value(), r.at().path());
            if (first != null) {
                problems.at(r.at().nodeOf("name"), r.at().childPath("name"),
                        "the resource name '" + r.value() + "' is already used at " + first + ".",
                        "resource names must be unique in the whole cluster; rename one of them.");
            }
        }
    }

    private void floatingEndpoints(List<Declared<FloatingIp>> fips) {
        Map<String, String> seen = new HashMap<>();
        for (Declared<FloatingIp> f : fips) {
            if (f.value().address() == null || f.value().port() == 0) {
                continue;
            }
            String endpoint = f.value().address() + ":" + f.value().port();
            String first = seen.putIfAbsent(endpoint, f.at().path());
            if (first != null) {
                problems.at(f.at().nodeOf("address"), f.at().childPath("address"), "the floating address " + endpoint
                        + " is already claimed by " + first + ".", "give each floating IP its own address or port.");
            }
        }
    }
}
