package dev.switchboard.operations;

import dev.switchboard.cluster.ClusterDefinition;

/** Operations for the unit tests of other modules: none on record, none holding a group. */
public final class TestOperations {

    private TestOperations() {
    }

    /** Only {@code holderOf} may be asked (there is no store behind it). */
    public static Operations none(ClusterDefinition definition) {
        return new Operations(null, new OperationHolds(definition));
    }
}
