package dev.switchboard.campaign;

import java.util.List;

/**
 * The cluster at one moment as the API tells it and as /proc shows it. {@code answered} is
 * false when Switchboard did not answer.
 */
record Snapshot(boolean answered, String groupStatus, String current, String monitorStatus,
                List<String> applicationServers) {

    static Snapshot take(Api api, CampaignDemo demo) {
        Api.Answer group = api.get("/api/v1/groups/" + CampaignDemo.GROUP);
        Api.Answer monitor = api.get("/api/v1/monitors/" + CampaignDemo.MONITOR);
        List<String> servers = demo.applications().stream().map(CampaignDemo.AppProcess::server).sorted().toList();
        if (!group.ok() || !monitor.ok()) {
            return new Snapshot(false, null, null, null, servers);
        }
        return new Snapshot(true, group.body().path("groups").path(0).path("status").asString(""),
                group.body().path("groups").path(0).path("current").asString(""),
                monitor.body().path("monitors").path(0).path("status").asString(""), servers);
    }

    /** A state the engine moves out of by itself (a script or a check still runs). */
    boolean transient_() {
        return !answered || groupStatus.endsWith("Pending");
    }

    @Override
    public String toString() {
        return answered ? "group " + groupStatus + " on " + current + ", monitor " + monitorStatus
                + ", clweb_serv on " + applicationServers : "no answer from the API, clweb_serv on " + applicationServers;
    }
}
