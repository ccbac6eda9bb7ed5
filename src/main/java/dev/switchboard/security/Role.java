package dev.switchboard.security;

/**
 * What a person or script may do. VIEWER, OPERATOR and ADMIN each include the ones before them;
 * METRICS stands apart, for a Prometheus server's token that must see nothing else.
 */
public enum Role {
    /** Only /actuator/prometheus: no page, no API, no audit. */
    METRICS,
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
