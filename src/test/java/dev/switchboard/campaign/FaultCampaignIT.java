package dev.switchboard.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.TestDemoCluster;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short fault campaign of the normal suite: a dozen faults of a fixed seed against the demo
 * on the tests' addresses (override with -Dcampaign.seed=… -Dcampaign.faults=…, which is also how
 * a violation's replay runs).
 */
class FaultCampaignIT {

    static final long SEED = 20261791L; // its first 12 faults are of every kind, Switchboard killed during a move and a start
    static final int FAULTS = 12;

    @TempDir
    Path dir;

    @Test
    void everyInvariantHoldsAfterEveryFault() throws Exception {
        long seed = Long.getLong("campaign.seed", SEED);
        int faults = Integer.getInteger("campaign.faults", FAULTS);
        try (CampaignDemo demo = new CampaignDemo(dir, TestDemoCluster.Addresses.TESTS)) {
            Campaign.Result result = new Campaign(demo, seed, faults, "mvn verify -Dtest=NONE "
                    + "-Dsurefire.failIfNoSpecifiedTests=false -Dit.test=FaultCampaignIT").run();
            assertThat(result.violations()).as("violations of seed " + seed + " (replay commands above)").isEmpty();
        }
    }
}
