package club.twinning.system.drill;

import static io.restassured.RestAssured.given;

import club.twinning.system.Stack;
import club.twinning.system.bench.WebhookSink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The end state of a drill, from the sources of truth: what exchange-service committed (its outbox), what
 * notification-service sent by email (its deliveries, and the SMTP sink's mailbox) and what the webhook receiver got.
 * A copy received again with the same id (email Message-ID, webhook Idempotency-Key) is a resend the receiver
 * recognises; a copy with a new id would be a duplicate.
 */
record Outcome(Map<String, String> eventOfRequest, Set<String> emailed, Set<String> hooked, Mail mail, WebhookSink sink) {

    static final String RECIPIENT = "relations@es-semara.example.org";

    /** What the SMTP sink holds for the drill's requests: their titles, and the copies beyond the first. */
    record Mail(Set<String> titles, int duplicates, int resent) {
    }

    int committed() {
        return eventOfRequest.size();
    }

    /** Delivered by both channels. */
    int delivered() {
        return (int) eventOfRequest.values().stream().filter(e -> emailed.contains(e) && hooked.contains(e)).count();
    }

    int lost() {
        return committed() - delivered();
    }

    Long webhookArrivalOfRequest(String requestId) {
        String event = eventOfRequest.get(requestId);
        return event == null ? null : sink.arrivals.get(event);
    }

    /** Waits (up to {@code seconds}) until everything committed has been delivered, then reads the end state. */
    static Outcome await(String prefix, WebhookSink sink, int seconds) throws Exception {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        Outcome outcome;
        do {
            Thread.sleep(2000);
            outcome = read(prefix, sink);
        } while (outcome.lost() > 0 && System.currentTimeMillis() < deadline);
        return outcome;
    }

    private static Outcome read(String prefix, WebhookSink sink) throws Exception {
        Map<String, String> events = new HashMap<>();
        Map<String, String> titles = new HashMap<>();
        try (Connection db = Stack.database("exchange"); PreparedStatement q = db.prepareStatement("""
                SELECT r.id::text, o.event_id::text, r.title FROM exchange_request r
                JOIN outbox_event o ON o.aggregate_id = r.id::text AND o.type = 'club.twinning.request.submitted'
                WHERE r.title LIKE ?""")) {
            q.setString(1, prefix + " %");
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    events.put(rs.getString(1), rs.getString(2));
                    titles.put(rs.getString(2), rs.getString(3));
                }
            }
        }
        Mail mail = mailbox(prefix);
        Set<String> emailed = new HashSet<>();
        try (Connection db = Stack.database("notification"); PreparedStatement q = db.prepareStatement(
                "SELECT event_id FROM delivery WHERE recipient = ? AND status = 'SENT' AND event_id = ANY (?)")) {
            q.setString(1, RECIPIENT);
            q.setArray(2, db.createArrayOf("varchar", events.values().toArray()));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    String event = rs.getString(1);
                    if (mail.titles().contains(titles.get(event))) {
                        emailed.add(event);
                    }
                }
            }
        }
        Set<String> hooked = new HashSet<>(events.values());
        hooked.retainAll(sink.arrivals.keySet());
        return new Outcome(events, emailed, hooked, mail, sink);
    }

    /**
     * The drill's emails in the SMTP sink, by the request title that ends their subject ("… : Drill 112322 kafka 12"),
     * and the copies of each, by Message-ID.
     */
    private static Mail mailbox(String prefix) {
        List<Map<String, String>> messages = given().get(Stack.MAIL_API + RECIPIENT + "/messages/").then().extract()
                .jsonPath().getList("$");
        Map<String, List<String>> idsByTitle = new HashMap<>();
        // Subjects isolate the title (U+2068 … U+2069) for right-to-left readers: read the title without them.
        messages.stream().filter(m -> m.get("subject") != null).forEach(m -> {
            String subject = m.get("subject").replaceAll("[\u2066-\u2069]", "");
            if (subject.contains(prefix + " ")) {
                idsByTitle.computeIfAbsent(subject.substring(subject.indexOf(prefix + " ")).trim(),
                        k -> new java.util.ArrayList<>()).add(m.get("Message-ID"));
            }
        });
        int duplicates = 0;
        int resent = 0;
        for (List<String> ids : idsByTitle.values()) {
            int distinct = new HashSet<>(ids).size();
            duplicates += distinct - 1;
            resent += ids.size() - distinct;
        }
        return new Mail(idsByTitle.keySet(), duplicates, resent);
    }
}
