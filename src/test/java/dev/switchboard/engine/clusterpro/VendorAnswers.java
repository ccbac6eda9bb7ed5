package dev.switchboard.engine.clusterpro;

import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.cluster.ServerDefinition;
import dev.switchboard.cluster.ServiceCheck;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The vendor API's answers for the unit tests, written as its clients read them: a two-server
 * cluster with one group (fip1, disk1, exec1) and one process monitor, in a state the test says.
 */
final class VendorAnswers {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Instant AT = Instant.parse("2026-12-04T12:00:00Z");

    private VendorAnswers() {
    }

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    /** The operator's overlay: servers and the group, no resources. */
    static ClusterDefinition overlay() {
        return new ClusterDefinition("clweb", Path.of("/etc/switchboard/cluster.yml"),
                List.of(new ServerDefinition("srv1", "10.0.0.1", "/usr/local/jcclweb"),
                        new ServerDefinition("srv2", "10.0.0.2", "/usr/local/jcclweb")),
                List.of(new FailoverGroup("failover-clweb", List.of("srv1", "srv2"), true, true, List.of(), List.of(),
                        new ServiceCheck("http://10.0.0.3:8080/", "CL/Web on {server},"), null, List.of())),
                List.of(), null);
    }

    static JsonNode servers(String srv1, String srv2) {
        return json("""
                {"result":{"code":0,"message":""},"servers":[{"name":"srv1","status":"%s"},{"name":"srv2","status":"%s"}]}
                """.formatted(srv1, srv2));
    }

    static JsonNode groups(String status, String current) {
        return json("""
                {"result":{"code":0,"message":""},"groups":[{"name":"failover-clweb","status":"%s","current":"%s",
                 "resources":[{"name":"fip1"},{"name":"disk1"},{"name":"exec1"}]},
                 {"name":"ManagementGroup","status":"Online","current":"srv1","resources":[{"name":"ManagementIP"}]}]}
                """.formatted(status, current));
    }

    /** Every resource of the group in one state on one server ("None" when nowhere). */
    static JsonNode resources(String status, String current) {
        return json("""
                {"result":{"code":0,"message":""},"resources":[
                 {"name":"fip1","type":"fip","status":"%1$s","current":"%2$s","group":"failover-clweb"},
                 {"name":"disk1","type":"disk","status":"%1$s","current":"%2$s","group":"failover-clweb"},
                 {"name":"exec1","type":"exec","status":"%1$s","current":"%2$s","group":"failover-clweb"},
                 {"name":"ManagementIP","type":"fip","status":"Online","current":"srv1","group":"ManagementGroup"}]}
                """.formatted(status, current));
    }

    static JsonNode monitors(String onSrv1, String onSrv2) {
        return json("""
                {"result":{"code":0,"message":""},"monitors":[{"name":"psw1","type":"psw","status":"Normal",
                 "servers":[{"name":"srv1","status":"%s"},{"name":"srv2","status":"%s"}]}]}
                """.formatted(onSrv1, onSrv2));
    }

    static JsonNode cluster() {
        return json("{\"result\":{\"code\":0,\"message\":\"\"},\"cluster\":{\"name\":\"clweb-cluster\",\"status\":\"Online\"}}");
    }

    static Map<String, List<String>> members() {
        return Map.of("failover-clweb", List.of("fip1", "disk1", "exec1"), "ManagementGroup", List.of("ManagementIP"));
    }

    /** The overlay completed from the answers with the group Online on srv1. */
    static ClusterDefinition definition() {
        return ClusterproDefinition.complete(overlay(), servers("Online", "Online"), groups("Online", "srv1"),
                members(), resources("Online", "srv1"), monitors("Normal", "Offline"));
    }

    /** A reading with the group (and all its resources) {@code status} on {@code current}. */
    static VendorSnapshots.Reading reading(String status, String current, String monSrv1, String monSrv2,
                                           Instant at) {
        return new VendorSnapshots.Reading(cluster(), servers("Online", "Online"), groups(status, current),
                resources(status, current), monitors(monSrv1, monSrv2), at);
    }
}
