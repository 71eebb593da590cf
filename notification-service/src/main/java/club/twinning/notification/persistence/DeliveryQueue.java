package club.twinning.notification.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The delivery table as a queue, in single statements (each its own short transaction, no lock held after it):
 * {@link #claim} takes due rows — and SENDING rows whose lease ran out — marking them SENDING with a lease;
 * {@link #record} writes a batch of outcomes and their attempt log. An outcome applies only if the row is still
 * SENDING with the attempt count it was claimed with: a sender that outlived its lease changes nothing.
 */
@ApplicationScoped
public class DeliveryQueue {

    /**
     * A claimed delivery with what sending it needs: its event (the one stored copy), the name to greet, the webhook
     * secrets (sealed).
     */
    public record Claimed(UUID id, String eventId, String eventType, String eventSource, String eventSubject, Instant eventTime,
                          String eventData, UUID contactId, String recipient, String name, String purpose, String language,
                          String channel, int attempts, String endpoint, String plainSecret, String sealedSecret,
                          String previousSecret, Instant previousUntil, String partyCode) {
    }

    /**
     * What became of a claimed delivery. {@code outcome} null: released unsent (its attempt not counted, no log line).
     */
    public record Outcome(UUID id, int claimedAttempts, String status, int attempts, Instant nextAttemptAt, Instant sentAt,
                          String lastError, String outcome, Instant at) {
    }

    /** Rows looked at per claim: bounds the per-endpoint ranking on a large backlog. */
    private static final int WINDOW = 5000;

    private static final String DUE = """
            ((status IN ('PENDING', 'RETRYING') AND next_attempt_at <= ?) OR (status = 'SENDING' AND lease_until < ?))""";

    private static final String CLAIM = """
            WITH ready AS (
                (SELECT id, next_attempt_at AS due_at, endpoint FROM delivery
                  WHERE status IN ('PENDING', 'RETRYING') AND next_attempt_at <= ? AND NOT (coalesce(endpoint, '') = ANY (?))
                  ORDER BY next_attempt_at LIMIT %1$d)
                UNION ALL
                (SELECT id, lease_until, endpoint FROM delivery
                  WHERE status = 'SENDING' AND lease_until < ? AND NOT (coalesce(endpoint, '') = ANY (?))
                  ORDER BY lease_until LIMIT %1$d)
            ), due AS (
                SELECT id FROM (SELECT id, due_at, endpoint, row_number() OVER (PARTITION BY endpoint ORDER BY due_at) AS nth
                                  FROM ready) ranked
                 WHERE endpoint IS NULL OR nth <= ?
                 ORDER BY due_at LIMIT ?
            ), locked AS (
                SELECT id FROM delivery WHERE id IN (SELECT id FROM due) AND %2$s FOR UPDATE SKIP LOCKED
            ), claimed AS (
                UPDATE delivery d SET status = 'SENDING', lease_until = ?, attempts = d.attempts + 1
                  FROM locked WHERE d.id = locked.id
                RETURNING d.*
            )
            SELECT c.id, c.event_id, c.event_type, e.event_source, e.event_subject, e.event_time, e.event_data, c.contact_id,
                   c.recipient, coalesce(c.recipient_name, cv.name), c.purpose, c.language, c.channel, c.attempts, c.endpoint,
                   ws.secret, ws.sealed, ws.previous, ws.previous_until, c.party_code
              FROM claimed c
              JOIN delivery_event e ON e.event_id = c.event_id
              LEFT JOIN contact_view cv ON cv.id = c.contact_id
              LEFT JOIN webhook_secret ws ON ws.contact_id = c.contact_id AND c.channel = 'WEBHOOK'
            """.formatted(WINDOW, DUE);

    private static final String RECORD = """
            WITH o AS (
                SELECT * FROM unnest(?::uuid[], ?::int[], ?::text[], ?::int[], ?::timestamptz[], ?::timestamptz[], ?::text[],
                                     ?::text[], ?::timestamptz[])
                    AS o(id, claimed_attempts, status, attempts, next_attempt_at, sent_at, last_error, outcome, at)
            ), done AS (
                UPDATE delivery d SET status = o.status, attempts = o.attempts, next_attempt_at = o.next_attempt_at,
                       sent_at = coalesce(o.sent_at, d.sent_at), lease_until = NULL,
                       last_error = CASE WHEN o.outcome IS NULL THEN d.last_error ELSE o.last_error END
                  FROM o WHERE d.id = o.id AND d.status = 'SENDING' AND d.attempts = o.claimed_attempts
                RETURNING d.id
            )
            INSERT INTO delivery_attempt (id, delivery_id, at, outcome, detail)
            SELECT gen_random_uuid(), o.id, o.at, o.outcome, o.last_error FROM o JOIN done ON done.id = o.id
             WHERE o.outcome IS NOT NULL
            """;

    private final AgroalDataSource db;

    DeliveryQueue(AgroalDataSource db) {
        this.db = db;
    }

    /**
     * Claims up to {@code limit} due deliveries, at most {@code perEndpoint} of any one webhook endpoint, none of the
     * {@code closed} endpoints'.
     */
    public List<Claimed> claim(Instant now, Instant leaseUntil, int limit, int perEndpoint, Collection<String> closed) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(CLAIM)) {
            Array excluded = c.createArrayOf("text", closed.toArray(String[]::new));
            Timestamp at = Timestamp.from(now);
            int i = 1;
            s.setTimestamp(i++, at);
            s.setArray(i++, excluded);
            s.setTimestamp(i++, at);
            s.setArray(i++, excluded);
            s.setInt(i++, perEndpoint);
            s.setInt(i++, limit);
            s.setTimestamp(i++, at);
            s.setTimestamp(i++, at);
            s.setTimestamp(i++, Timestamp.from(leaseUntil));
            List<Claimed> claimed = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    claimed.add(new Claimed(r.getObject(1, UUID.class), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                            instant(r.getTimestamp(6)), r.getString(7), r.getObject(8, UUID.class), r.getString(9), r.getString(10),
                            r.getString(11), r.getString(12), r.getString(13), r.getInt(14), r.getString(15), r.getString(16),
                            r.getString(17), r.getString(18), instant(r.getTimestamp(19)), r.getString(20)));
                }
            }
            return claimed;
        }
    }

    /** Writes the outcomes and their attempt log lines in one statement. */
    public void record(List<Outcome> outcomes) throws SQLException {
        if (outcomes.isEmpty()) {
            return;
        }
        int n = outcomes.size();
        UUID[] ids = new UUID[n];
        Integer[] claimed = new Integer[n];
        String[] status = new String[n];
        Integer[] attempts = new Integer[n];
        String[] next = new String[n];
        String[] sent = new String[n];
        String[] error = new String[n];
        String[] outcome = new String[n];
        String[] at = new String[n];
        for (int i = 0; i < n; i++) {
            Outcome o = outcomes.get(i);
            ids[i] = o.id();
            claimed[i] = o.claimedAttempts();
            status[i] = o.status();
            attempts[i] = o.attempts();
            next[i] = text(o.nextAttemptAt());
            sent[i] = text(o.sentAt());
            error[i] = o.lastError();
            outcome[i] = o.outcome();
            at[i] = text(o.at());
        }
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(RECORD)) {
            s.setArray(1, c.createArrayOf("uuid", ids));
            s.setArray(2, c.createArrayOf("int4", claimed));
            s.setArray(3, c.createArrayOf("text", status));
            s.setArray(4, c.createArrayOf("int4", attempts));
            s.setArray(5, c.createArrayOf("text", next));
            s.setArray(6, c.createArrayOf("text", sent));
            s.setArray(7, c.createArrayOf("text", error));
            s.setArray(8, c.createArrayOf("text", outcome));
            s.setArray(9, c.createArrayOf("text", at));
            s.executeUpdate();
        }
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
