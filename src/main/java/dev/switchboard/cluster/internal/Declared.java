package dev.switchboard.cluster.internal;

/** A value read from cluster.yml together with the mapping it was read from, so a check can point at it. */
record Declared<T>(T value, YamlMapping at) {
}
