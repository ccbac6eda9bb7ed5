package dev.switchboard.engine;

public record ServerStatus(String name, ServerState state, String address) {
}
