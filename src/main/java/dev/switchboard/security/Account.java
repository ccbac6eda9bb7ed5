package dev.switchboard.security;

/** A person's account; {@code fromConfiguration} accounts cannot be changed in the UI. */
public record Account(String name, String passwordHash, Role role, boolean fromConfiguration) {
}
