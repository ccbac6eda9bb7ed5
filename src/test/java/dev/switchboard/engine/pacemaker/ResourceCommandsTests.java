package dev.switchboard.engine.pacemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What Switchboard asks Pacemaker to do for each operation, word for word; every "off" undoes its "on". */
class ResourceCommandsTests {

    @Test
    void movesAndTheirClearing() {
        assertThat(ResourceCommands.move("dummy", "srv2"))
                .containsExactly("crm_resource", "--move", "--resource", "dummy", "--node", "srv2");
        assertThat(ResourceCommands.movePromoted("db-clone", "srv2"))
                .containsExactly("crm_resource", "--move", "--promoted", "--resource", "db-clone", "--node", "srv2");
        assertThat(ResourceCommands.clear("dummy", "srv2"))
                .containsExactly("crm_resource", "--clear", "--resource", "dummy", "--node", "srv2");
        assertThat(ResourceCommands.clear("dummy", null)).containsExactly("crm_resource", "--clear", "--resource", "dummy");
    }

    @Test
    void banAndCleanup() {
        assertThat(ResourceCommands.ban("dummy", "srv1"))
                .containsExactly("crm_resource", "--ban", "--resource", "dummy", "--node", "srv1");
        assertThat(ResourceCommands.cleanup("dummy", "srv1"))
                .containsExactly("crm_resource", "--cleanup", "--resource", "dummy", "--node", "srv1");
        assertThat(ResourceCommands.cleanup("dummy", null)).containsExactly("crm_resource", "--cleanup", "--resource",
                "dummy");
    }

    @Test
    void startingDeletesTheTargetRoleThatStoppingSets() {
        assertThat(ResourceCommands.running("dummy", false)).containsExactly("crm_resource", "--resource", "dummy",
                "--meta", "--set-parameter", "target-role", "--parameter-value", "Stopped");
        assertThat(ResourceCommands.running("dummy", true)).containsExactly("crm_resource", "--resource", "dummy",
                "--meta", "--delete-parameter", "target-role");
    }

    @Test
    void maintenanceOffDeletesWhatOnWrote() {
        assertThat(ResourceCommands.resourceMaintenance("dummy", true)).containsExactly("crm_resource", "--resource",
                "dummy", "--meta", "--set-parameter", "maintenance", "--parameter-value", "true");
        assertThat(ResourceCommands.resourceMaintenance("dummy", false)).containsExactly("crm_resource", "--resource",
                "dummy", "--meta", "--delete-parameter", "maintenance");
        assertThat(ResourceCommands.nodeMaintenance("srv2", true))
                .containsExactly("crm_attribute", "--node", "srv2", "--name", "maintenance", "--update", "true");
        assertThat(ResourceCommands.nodeMaintenance("srv2", false))
                .containsExactly("crm_attribute", "--node", "srv2", "--name", "maintenance", "--delete");
        assertThat(ResourceCommands.clusterMaintenance(true)).containsExactly("crm_attribute", "--type", "crm_config",
                "--name", "maintenance-mode", "--update", "true");
        assertThat(ResourceCommands.clusterMaintenance(false)).containsExactly("crm_attribute", "--type", "crm_config",
                "--name", "maintenance-mode", "--delete");
    }

    @Test
    void emptySetsAreFoundByAnXPathThatMatchesOnlyEmptyOnes() {
        assertThat(ResourceCommands.emptyMetaSets("dummy")).containsExactly("cibadmin", "--delete", "--xpath",
                "//resources//*[@id='dummy']/meta_attributes[not(*)]");
        assertThat(ResourceCommands.emptyNodeSets("srv2")).containsExactly("cibadmin", "--delete", "--xpath",
                "//nodes/node[@uname='srv2']/instance_attributes[not(*)]");
        assertThat(ResourceCommands.xpathLiteral("it's")).isEqualTo("\"it's\"");
        assertThatThrownBy(() -> ResourceCommands.xpathLiteral("a'b\"c")).isInstanceOf(IllegalArgumentException.class);
    }
}
