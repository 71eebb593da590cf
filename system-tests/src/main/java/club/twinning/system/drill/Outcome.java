package club.twinning.system.drill;

import static io.restassured.RestAssured.given;

import club.twinning.system.Stack;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The end state of a drill, from the sources of truth: every event exchange-service committed for the drill's flows
 * (its outbox), the emails Es-Semara's relations office got (the SMTP sink's mailbox, each message tied to its
 * delivery by its X-Twinning-Delivery header) and the webhooks Es-Semara's endpoint got (the {@link Receiver}, by
 * Idempotency-Key, which is the event's id). Counted per event type: an event Es-Semara should hear of with no copy
 * on a channel is lost; a second email under another Message-ID is a duplicate; a second copy under the same id
 * (Message-ID, Idempotency-Key) is a resend, which a receiver can recognise.
 */
final class Outcome {

    static final String RECIPIENT = "relations@es-semara.example.org";
    /** The partner's webhook path at the {@link Receiver}. */
    static final String HOOK = "es-semara";
    /** What Es-Semara hears of (notification-service's Router): the submission, the decision and each visit step. */
    static final List<String> NOTIFIED = List.of("club.twinning.request.submitted", "club.twinning.request.decided",
            "club.twinning.visit.planned", "club.twinning.visit.confirmed", "club.twinning.visit.completed");
    static final List<String> SHOWN = List.of("club.twinning.request.submitted", "club.twinning.request.vote-cast",
            "club.twinning.request.decided", "club.twinning.visit.planned", "club.twinning.visit.confirmed",
            "club.twinning.visit.completed");
    private static final Pattern DELIVERY_HEADER = Pattern.compile("X-Twinning-Delivery:((?:[^\\r\\n]|\\r?\\n[ \\t])+)");
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    record Event(String id, String type, long committedAt) {
    }

    /** One event type's line of the table. */
    record Row(String type, int committed, boolean notified, int emailed, int emailLost, int emailDuplicated, int emailResent,
               int hooked, int hookLost, int hookExtraCopies) {
    }

    final List<Event> events;
    /** Event id → the Message-IDs of the emails about it (one per copy received). */
    final Map<String, List<String>> emails;
    final Map<String, Receiver.Copies> hooks;

    private Outcome(List<Event> events, Map<String, List<String>> emails, Map<String, Receiver.Copies> hooks) {
        this.events = events;
        this.emails = emails;
        this.hooks = hooks;
    }

    List<Event> notified() {
        return events.stream().filter(e -> NOTIFIED.contains(e.type())).toList();
    }

    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        Set<String> types = new java.util.LinkedHashSet<>(SHOWN);
        events.forEach(e -> types.add(e.type()));
        for (String type : types) {
            List<Event> of = events.stream().filter(e -> e.type().equals(type)).toList();
            boolean notified = NOTIFIED.contains(type);
            int emailed = 0, emailLost = 0, duplicated = 0, resent = 0, hooked = 0, hookLost = 0, extra = 0;
            for (Event e : of) {
                if (!notified) {
                    continue;
                }
                List<String> ids = emails.getOrDefault(e.id(), List.of());
                int distinct = new HashSet<>(ids).size();
                if (ids.isEmpty()) {
                    emailLost++;
                } else {
                    emailed++;
                }
                duplicated += Math.max(0, distinct - 1);
                resent += ids.size() - distinct;
                Receiver.Copies copies = hooks.get(e.id());
                if (copies == null) {
                    hookLost++;
                } else {
                    hooked++;
                    extra += copies.count.get() - 1;
                }
            }
            rows.add(new Row(type, of.size(), notified, emailed, emailLost, duplicated, resent, hooked, hookLost, extra));
        }
        return rows;
    }

    int lost() {
        return rows().stream().mapToInt(r -> r.emailLost() + r.hookLost()).sum();
    }

    int emailDuplicates() {
        return rows().stream().mapToInt(Row::emailDuplicated).sum();
    }

    /** The events whose webhook came more than once (same Idempotency-Key). */
    Set<String> hookResent() {
        Set<String> keys = new HashSet<>();
        notified().forEach(e -> {
            Receiver.Copies c = hooks.get(e.id());
            if (c != null && c.count.get() > 1) {
                keys.add(e.id());
            }
        });
        return keys;
    }

    /** The events whose email came more than once under the same Message-ID. */
    Set<String> emailResent() {
        Set<String> keys = new HashSet<>();
        emails.forEach((event, ids) -> {
            if (ids.size() > new HashSet<>(ids).size()) {
                keys.add(event);
            }
        });
        return keys;
    }

    /** When each notified event's webhook first arrived, less when it committed (ms), for the events committed in [from, to). */
    List<Long> hookLatencies(long from, long to) {
        List<Long> latencies = new ArrayList<>();
        for (Event e : notified()) {
            Receiver.Copies c = hooks.get(e.id());
            if (e.committedAt() >= from && e.committedAt() < to && c != null) {
                latencies.add(c.firstArrival - e.committedAt());
            }
        }
        return latencies;
    }

    /** The first webhook arrival of an event committed at or after {@code at}. */
    Long firstArrivalCommittedAfter(long at) {
        return notified().stream().filter(e -> e.committedAt() >= at).map(e -> hooks.get(e.id())).filter(java.util.Objects::nonNull)
                .map(c -> c.firstArrival).min(Long::compare).orElse(null);
    }

    /**
     * Waits (up to {@code seconds}) until every notified event has a webhook and a sent email delivery, then reads the
     * mailbox. {@code fromOutboxId}: the outbox's last id before the drill (its events come after).
     */
    static Outcome await(String prefix, long fromOutboxId, Receiver receiver, int seconds) throws Exception {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        List<Event> events = List.of();
        while (System.currentTimeMillis() < deadline) {
            try {
                events = events(prefix, fromOutboxId);
                Map<String, String> sent = emailDeliveries(events, true);
                Map<String, Receiver.Copies> hooks = receiver.at(HOOK);
                boolean all = events.stream().filter(e -> NOTIFIED.contains(e.type()))
                        .allMatch(e -> hooks.containsKey(e.id()) && sent.containsValue(e.id()));
                if (all && unsettled(events) == 0) { // nothing left to send again either (a lease that ran out)
                    break;
                }
            } catch (java.sql.SQLException databaseAway) {
                // asked again
            }
            Thread.sleep(3000);
        }
        events = events(prefix, fromOutboxId);
        Map<String, List<String>> emails = Map.of();
        for (int i = 0; i < 5; i++) { // the SMTP sink may still be storing the last ones
            emails = mailbox(mailboxMessages(), emailDeliveries(events, false));
            Map<String, List<String>> got = emails;
            if (events.stream().filter(e -> NOTIFIED.contains(e.type())).allMatch(e -> got.containsKey(e.id()))) {
                break;
            }
            Thread.sleep(3000);
        }
        return new Outcome(events, emails, Map.copyOf(receiver.at(HOOK)));
    }

    static long lastOutboxId() throws Exception {
        try (Connection db = Stack.database("exchange"); var rs = db.createStatement().executeQuery(
                "SELECT coalesce(max(id), 0) FROM outbox_event")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The drill's events: those of its requests (by title) and of their visits. */
    static List<Event> events(String prefix, long fromOutboxId) throws java.sql.SQLException {
        List<Event> events = new ArrayList<>();
        try (Connection db = Stack.database("exchange"); PreparedStatement q = db.prepareStatement("""
                SELECT o.event_id::text, o.type, o.created_at FROM outbox_event o
                 WHERE o.id > ? AND (o.aggregate_id IN (SELECT r.id::text FROM exchange_request r WHERE r.title LIKE ?)
                    OR o.aggregate_id IN (SELECT v.id::text FROM visit v JOIN exchange_request r ON r.id = v.request_id
                                           WHERE r.title LIKE ?))
                 ORDER BY o.id""")) {
            q.setLong(1, fromOutboxId);
            q.setString(2, prefix + " %");
            q.setString(3, prefix + " %");
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    events.add(new Event(rs.getString(1), rs.getString(2), rs.getTimestamp(3).getTime()));
                }
            }
        }
        return events;
    }

    /** Email delivery id → event id, for the relations office (only those recorded SENT if {@code sentOnly}). */
    private static Map<String, String> emailDeliveries(List<Event> events, boolean sentOnly) throws java.sql.SQLException {
        Map<String, String> deliveries = new HashMap<>();
        try (Connection db = Stack.database("notification"); PreparedStatement q = db.prepareStatement(
                "SELECT id::text, event_id FROM delivery WHERE recipient = ? AND channel = 'EMAIL' AND event_id = ANY (?)"
                        + (sentOnly ? " AND status = 'SENT'" : ""))) {
            q.setString(1, RECIPIENT);
            q.setArray(2, db.createArrayOf("varchar", events.stream().map(Event::id).toArray()));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    deliveries.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return deliveries;
    }

    /** The relations office's mailbox at the SMTP sink, as its API gives it. */
    private static List<Map<String, String>> mailboxMessages() {
        return given().get(Stack.MAIL_API + RECIPIENT + "/messages/").then().extract().jsonPath().getList("$");
    }

    /** Deliveries of these events to Es-Semara's office and endpoint not yet SENT or FAILED. */
    private static int unsettled(List<Event> events) throws java.sql.SQLException {
        try (Connection db = Stack.database("notification"); PreparedStatement q = db.prepareStatement(
                "SELECT count(*) FROM delivery WHERE recipient IN (?, ?) AND event_id = ANY (?) AND status NOT IN ('SENT', 'FAILED')")) {
            q.setString(1, RECIPIENT);
            q.setString(2, Receiver.url(HOOK));
            q.setArray(3, db.createArrayOf("varchar", events.stream().map(Event::id).toArray()));
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Event id → the Message-ID of each copy in the relations office's mailbox. */
    private static Map<String, List<String>> mailbox(List<Map<String, String>> messages, Map<String, String> eventOfDelivery) {
        Map<String, List<String>> emails = new LinkedHashMap<>();
        for (Map<String, String> m : messages) {
            String mime = m.get("mimeMessage");
            if (mime == null) {
                continue;
            }
            int headersEnd = mime.indexOf("\r\n\r\n");
            Matcher header = DELIVERY_HEADER.matcher(headersEnd < 0 ? mime : mime.substring(0, headersEnd));
            if (!header.find()) {
                continue;
            }
            Set<String> events = new HashSet<>();
            Matcher id = UUID_TEXT.matcher(header.group(1));
            while (id.find()) {
                String event = eventOfDelivery.get(id.group());
                if (event != null) {
                    events.add(event);
                }
            }
            events.forEach(e -> emails.computeIfAbsent(e, k -> new ArrayList<>()).add(m.get("Message-ID")));
        }
        return emails;
    }
}
