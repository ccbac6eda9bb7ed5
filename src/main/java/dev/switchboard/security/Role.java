package dev.switchboard.security;

/** What a person or script may do. Each role includes the ones below it. */
public enum Role {
    /** Read-only status and audit. */
    VIEWER,
    /** Operations on groups, resources and monitors. */
    OPERATOR,
    /** Accounts, API tokens, kiosk links. */
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
