package dev.switchboard.engine.embedded;

import dev.switchboard.Translatable;
import dev.switchboard.cluster.Resource;

/**
 * A resource that could not be activated or deactivated on {@code server}; {@code reason} names
 * the resource and why, as operators read it.
 */
record FailedResource(Resource resource, String server, Translatable reason) {
}
