package dev.switchboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.audit.AuditActor;
import dev.switchboard.audit.AuditRecord;
import dev.switchboard.audit.AuditRecord.Outcome;
import dev.switchboard.security.SecurityEvent.AccountCreated;
import dev.switchboard.security.SecurityEvent.AccountDeleted;
import dev.switchboard.security.SecurityEvent.InitialAdminCreated;
import dev.switchboard.security.SecurityEvent.KioskLinkCreated;
import dev.switchboard.security.SecurityEvent.KioskLinkRevoked;
import dev.switchboard.security.SecurityEvent.TokenCreated;
import dev.switchboard.security.SecurityEvent.TokenRevoked;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rows the ADMIN pages' events write: the same as before they were events. */
class SecurityEventTests {

    private static final AuditActor ALICE = new AuditActor("alice", "ADMIN", "10.0.0.5");

    private static AuditRecord byAlice(String action, String target, String details) {
        return new AuditRecord("alice", "ADMIN", "10.0.0.5", action, target, Outcome.SUCCESS, details);
    }

    @Test
    void accountChangesNameTheAccountAndTheRoleGiven() {
        assertThat(new AccountCreated(ALICE, "bob", Role.OPERATOR).auditRecord())
                .isEqualTo(byAlice("account-created", "bob", "role OPERATOR"));
        assertThat(new AccountDeleted(ALICE, "bob").auditRecord()).isEqualTo(byAlice("account-deleted", "bob", null));
    }

    @Test
    void tokenAndKioskLinkChangesNameWhatChanged() {
        assertThat(new TokenCreated(ALICE, "nightly backup", Role.VIEWER).auditRecord())
                .isEqualTo(byAlice("token-created", "nightly backup", "role VIEWER"));
        assertThat(new TokenRevoked(ALICE, "t-1").auditRecord()).isEqualTo(byAlice("token-revoked", "t-1", null));
        assertThat(new KioskLinkCreated(ALICE, "wall screen").auditRecord())
                .isEqualTo(byAlice("kiosk-link-created", "wall screen", null));
        assertThat(new KioskLinkRevoked(ALICE, "k-1").auditRecord())
                .isEqualTo(byAlice("kiosk-link-revoked", "k-1", null));
    }

    @Test
    void theInitialAdminIsCreatedBySystemWithTheReason() {
        assertThat(new InitialAdminCreated().auditRecord()).isEqualTo(new AuditRecord("system", null, null,
                "account-created", "admin", Outcome.SUCCESS, "initial ADMIN, because no account existed"));
    }

    @Test
    void everySecurityEventIsOnRecordBeforeItsRequestIsAnswered() {
        List<SecurityEvent> events = List.of(new InitialAdminCreated(), new AccountDeleted(ALICE, "bob"),
                new SecurityEvent.AccessDenied(ALICE, "GET /admin", "Access Denied"),
                new SecurityEvent.LoginFailed("alice", null, "BadCredentialsException"));

        assertThat(events).allMatch(SecurityEvent::publisherWaits);
    }
}
