package dev.switchboard.web;

import dev.switchboard.Translatable;
import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.ClusterInventory.Item;
import dev.switchboard.engine.ClusterInventory.Kind;
import dev.switchboard.engine.EngineFeature;
import dev.switchboard.engine.NameNotFound;
import dev.switchboard.engine.OperationFailed;
import dev.switchboard.engine.Placement;
import dev.switchboard.operations.EngineFeatures;

/**
 * "Why is it running here?" on a resource's page: the placement, or why it cannot be read now.
 * Every kind the scheduler places has one (groups and their members, primitives, clones and their
 * primitive, bundles, fencing devices); an element Switchboard does not know has none, and neither
 * has an engine without placement. A failed reading is a message on the page, never an error page.
 */
record ResourcePlacement(boolean shown, Placement placement, Translatable problem) {

    private static final ResourcePlacement NONE = new ResourcePlacement(false, null, null);

    static ResourcePlacement of(ClusterEngine engine, EngineFeatures features, Item item) {
        if (!features.has(EngineFeature.PLACEMENT) || item.kind() == Kind.UNKNOWN) {
            return NONE;
        }
        try {
            return engine.placement(item.id()).map(p -> new ResourcePlacement(true, p, null)).orElse(NONE);
        } catch (OperationFailed | NameNotFound e) {
            // Pacemaker did not answer, or the resource went between the inventory and the scores
            return new ResourcePlacement(true, null, e.text());
        }
    }
}
