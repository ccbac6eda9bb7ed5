package dev.switchboard.security;

import dev.switchboard.audit.AuditActor;
import dev.switchboard.audit.AuditRecord;
import dev.switchboard.audit.AuditRecord.Outcome;
import dev.switchboard.audit.Audited;
import java.time.Instant;

/**
 * What happened at the door and on the ADMIN pages, published for the audit trail to record. All
 * are published on the thread of the request (or of start-up) they happen in, and wait for their
 * row: a refused request is on the record before it is answered 403.
 */
sealed interface SecurityEvent extends Audited {

    /** A person logged in through the login form. */
    record LoginSucceeded(String name, String role, String source) implements SecurityEvent {
        @Override
        public AuditRecord auditRecord() {
            return new AuditRecord(name, role, source, "login", name, Outcome.SUCCESS, null);
        }
    }

    /** A login failed; {@code name} is "(unknown name)" when it is no account, {@code why} the failure's kind. */
    record LoginFailed(String name, String source, String why) implements SecurityEvent {
        @Override
        public AuditRecord auditRecord() {
            return new AuditRecord(name, null, source, "login", name, Outcome.FAILURE, why);
        }
    }

    /** A login was refused because the account is locked after too many failures. */
    record LoginRefusedWhileLocked(String name, String source) implements SecurityEvent {
        @Override
        public AuditRecord auditRecord() {
            return new AuditRecord(name, null, source, "login", name, Outcome.DENIED, "the account is locked");
        }
    }

    /** Too many failed logins locked the account for a while. */
    record AccountLocked(String name, String source) implements SecurityEvent {
        @Override
        public AuditRecord auditRecord() {
            return new AuditRecord("system", null, source, "account-locked", name, Outcome.INFO,
                    "too many failed logins; locked for a while");
        }
    }

    /** A person logged out. */
    record LoggedOut(String name, String role, String source) implements SecurityEvent {
        @Override
        public AuditRecord auditRecord() {
            return new AuditRecord(name, role, source, "logout", name, Outcome.SUCCESS, null);
        }
    }

    /** A request was refused for its role; {@code request} is its method and path. */
    record AccessDenied(AuditActor actor, String request, String why) implements SecurityEvent {
        @Override
        public AuditRecord auditRecord() {
            return row(actor, "access-denied", request, Outcome.DENIED, why);
        }
    }

    /** Requests refused before anyone logged in, counted for one address and minute. */
    record RefusedWithoutAccount(String source, String why, int count, Instant minute) implements SecurityEvent {
        @Override
        public AuditRecord auditRecord() {
            return new AuditRecord("(anonymous)", null, source, "refused-without-account", why, Outcome.DENIED,
                    count + " requests in the minute from " + minute);
        }
    }

    /** No account existed at start-up, so Switchboard created the ADMIN "admin". */
    record InitialAdminCreated() implements SecurityEvent {
        @Override
        public AuditRecord auditRecord() {
            return new AuditRecord("system", null, null, "account-created", "admin", Outcome.SUCCESS,
                    "initial ADMIN, because no account existed");
        }
    }

    /** An ADMIN created an account. */
    record AccountCreated(AuditActor by, String name, Role role) implements SecurityEvent {
        @Override
        public AuditRecord auditRecord() {
            return row(by, "account-created", name, Outcome.SUCCESS, "role " + role);
        }
    }

    /** An ADMIN deleted an account. */
    record AccountDeleted(AuditActor by, String name) implements SecurityEvent {
        @Override
        public AuditRecord auditRecord() {
            return row(by, "account-deleted", name, Outcome.SUCCESS, null);
        }
    }

    /** Someone changed their own password. */
    record PasswordChanged(AuditActor by) implements SecurityEvent {
        @Override
        public AuditRecord auditRecord() {
            return row(by, "password-changed", by.name(), Outcome.SUCCESS, null);
        }
    }

    /** An ADMIN unlocked an account that failed logins had locked. */
    record AccountUnlocked(AuditActor by, String name) implements SecurityEvent {
        @Override
        public AuditRecord auditRecord() {
            return row(by, "account-unlocked", name, Outcome.SUCCESS, null);
        }
    }

    /** An ADMIN created an API token. */
    record TokenCreated(AuditActor by, String name, Role role) implements SecurityEvent {
        @Override
        public AuditRecord auditRecord() {
            return row(by, "token-created", name, Outcome.SUCCESS, "role " + role);
        }
    }

    /** An ADMIN revoked an API token. */
    record TokenRevoked(AuditActor by, String id) implements SecurityEvent {
        @Override
        public AuditRecord auditRecord() {
            return row(by, "token-revoked", id, Outcome.SUCCESS, null);
        }
    }

    /** An ADMIN created a kiosk link. */
    record KioskLinkCreated(AuditActor by, String name) implements SecurityEvent {
        @Override
        public AuditRecord auditRecord() {
            return row(by, "kiosk-link-created", name, Outcome.SUCCESS, null);
        }
    }

    /** An ADMIN revoked a kiosk link. */
    record KioskLinkRevoked(AuditActor by, String id) implements SecurityEvent {
        @Override
        public AuditRecord auditRecord() {
            return row(by, "kiosk-link-revoked", id, Outcome.SUCCESS, null);
        }
    }

    private static AuditRecord row(AuditActor actor, String action, String target, Outcome outcome, String details) {
        return new AuditRecord(actor.name(), actor.role(), actor.source(), action, target, outcome, details);
    }
}
