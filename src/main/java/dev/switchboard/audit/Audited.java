package dev.switchboard.audit;

/**
 * Something that happened and belongs in the audit trail, named in the past tense ({@code LoginFailed},
 * {@code TokenRevoked}). Publish it with Spring's {@code ApplicationEventPublisher}; {@link AuditWriter},
 * the trail's only writer, appends its record. Events are values: build the record from what the
 * event carries, never by looking anything up.
 */
public interface Audited {

    /** The row to write, exactly as the trail shows it. */
    AuditRecord auditRecord();

    /**
     * Whether {@code publishEvent} returns only once the row is written. Yes by default: a request
     * that answers 202 or 403 should find its row already there. An event published on an engine
     * thread (or from a listener of engine events) answers {@code false}: its row is queued in order
     * and the engine never waits for the database.
     */
    default boolean publisherWaits() {
        return true;
    }
}
