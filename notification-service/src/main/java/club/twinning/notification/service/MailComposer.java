package club.twinning.notification.service;

import club.twinning.events.EventType;
import club.twinning.notification.domain.Delivery;
import club.twinning.notification.domain.PartyView;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** Turns an event into an email in the reader's language: a subject, an HTML part (rtl for Arabic) and a text part. */
@ApplicationScoped
public class MailComposer {

    /** A composed email. */
    public record Mail(String subject, String html, String text) {
    }

    /** One event of a digest, in words. */
    public record Line(String subject, String body) {
    }

    private static final Map<String, Map<String, String>> STATUS = Map.of(
            "fr", Map.ofEntries(Map.entry("IN_FORCE", "en vigueur"), Map.entry("SUSPENDED", "suspendu"),
                    Map.entry("TERMINATED", "résilié"), Map.entry("EXPIRED", "expiré"), Map.entry("SIGNED", "signé"),
                    Map.entry("APPROVED", "approuvée"), Map.entry("REJECTED", "rejetée"), Map.entry("DRAFT", "brouillon"),
                    Map.entry("NEGOTIATION", "en négociation"), Map.entry("PENDING_FORMALITIES", "formalités en cours")),
            "ar", Map.ofEntries(Map.entry("IN_FORCE", "سارية المفعول"), Map.entry("SUSPENDED", "معلقة"),
                    Map.entry("TERMINATED", "مفسوخة"), Map.entry("EXPIRED", "منتهية"), Map.entry("SIGNED", "موقعة"),
                    Map.entry("APPROVED", "مقبول"), Map.entry("REJECTED", "مرفوض"), Map.entry("DRAFT", "مسودة"),
                    Map.entry("NEGOTIATION", "قيد التفاوض"), Map.entry("PENDING_FORMALITIES", "في انتظار الإجراءات")),
            "en", Map.ofEntries(Map.entry("IN_FORCE", "in force"), Map.entry("SUSPENDED", "suspended"),
                    Map.entry("TERMINATED", "terminated"), Map.entry("EXPIRED", "expired"), Map.entry("SIGNED", "signed"),
                    Map.entry("APPROVED", "approved"), Map.entry("REJECTED", "rejected"), Map.entry("DRAFT", "draft"),
                    Map.entry("NEGOTIATION", "in negotiation"), Map.entry("PENDING_FORMALITIES", "pending formalities")));

    private final ObjectMapper json;
    private final Template html;
    private final Template text;

    MailComposer(ObjectMapper json, @Location("mail/message.html") Template html, @Location("mail/message.txt") Template text) {
        this.json = json;
        this.html = html;
        this.text = text;
    }

    public Mail compose(String eventType, String purpose, String data, String language, String name) {
        Line line = line(eventType, purpose, data, language);
        return render(language, line.subject(), name, List.of(line.body()));
    }

    public Mail digest(List<Line> lines, String language, String name) {
        MailMessages words = words(language);
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(words.digest_intro());
        lines.forEach(l -> paragraphs.add(l.subject() + " — " + l.body()));
        return render(language, words.digest_subject(lines.size()), name, paragraphs);
    }

    /** {@code purpose}: {@link Delivery#RECEIPT} tells the submitting city its request arrived; else a notice of the event. */
    public Line line(String eventType, String purpose, String data, String language) {
        MailMessages words = words(language);
        MailModel m = model(data, language);
        EventType type = EventType.of(eventType).orElseThrow(() -> new IllegalArgumentException("no mail for " + eventType));
        if (Delivery.RECEIPT.equals(purpose)) {
            if (type != EventType.REQUEST_SUBMITTED) {
                throw new IllegalArgumentException("no receipt for " + eventType);
            }
            return new Line(words.subject_request_received(m), words.body_request_received(m));
        }
        return switch (type) {
            case AGREEMENT_STATUS_CHANGED -> new Line(words.subject_agreement_status_changed(m), words.body_agreement_status_changed(m));
            case RENEWAL_DUE -> new Line(words.subject_renewal_due(m), words.body_renewal_due(m));
            case REQUEST_SUBMITTED -> new Line(words.subject_request_submitted(m), words.body_request_submitted(m));
            case REQUEST_DECIDED -> new Line(words.subject_request_decided(m), words.body_request_decided(m));
            case CHANGES_REQUESTED -> new Line(words.subject_changes_requested(m), words.body_changes_requested(m));
            case REQUEST_WITHDRAWN -> new Line(words.subject_request_withdrawn(m), words.body_request_withdrawn(m));
            case REQUEST_ESCALATED -> new Line(words.subject_request_escalated(m), words.body_request_escalated(m));
            case REQUEST_ON_HOLD -> new Line(words.subject_request_on_hold(m), words.body_request_on_hold(m));
            case REQUEST_RESUMED -> new Line(words.subject_request_resumed(m), words.body_request_resumed(m));
            case REQUEST_CLOSED -> new Line(words.subject_request_closed(m), words.body_request_closed(m));
            case VISIT_PLANNED -> new Line(words.subject_visit_planned(m), words.body_visit_planned(m));
            case VISIT_CONFIRMED -> new Line(words.subject_visit_confirmed(m), words.body_visit_confirmed(m));
            case VISIT_CANCELLED -> new Line(words.subject_visit_cancelled(m), words.body_visit_cancelled(m));
            case VISIT_COMPLETED -> new Line(words.subject_visit_completed(m), words.body_visit_completed(m));
            case VISIT_FLAGGED -> new Line(words.subject_visit_flagged(m), words.body_visit_flagged(m));
            case RELATIONSHIP_DORMANT -> new Line(words.subject_relationship_dormant(m), words.body_relationship_dormant(m));
            default -> throw new IllegalArgumentException("no mail for " + eventType);
        };
    }

    private Mail render(String language, String subject, String name, List<String> paragraphs) {
        MailMessages words = words(language);
        String greeting = words.greeting(name == null ? "" : name);
        String dir = "ar".equals(language) ? "rtl" : "ltr";
        return new Mail(subject,
                html.data("lang", language).data("dir", dir).data("subject", subject).data("greeting", greeting)
                        .data("paragraphs", paragraphs).data("footer", words.footer()).render(),
                text.data("greeting", greeting).data("paragraphs", paragraphs).data("footer", words.footer()).render());
    }

    private static MailMessages words(String language) {
        return MessageBundles.get(MailMessages.class, Localized.Literal.of(language == null ? "fr" : language));
    }

    /** The event's data in words; party codes become names where the register told us them. */
    private MailModel model(String data, String language) {
        JsonNode d;
        try {
            d = json.readTree(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String partyA = name(first(d, "requestingParty", "visitingParty", "partyA"));
        String partyB = name(first(d, "partnerParty", "hostParty", "partyB"));
        List<String> codes = new ArrayList<>();
        d.path("partyCodes").forEach(p -> codes.add(name(p.asText())));
        if (codes.isEmpty() && partyA != null) {
            codes.add(partyA);
            codes.add(partyB);
        }
        String status = first(d, "to", "status");
        String start = first(d, "windowStart", "startDate");
        String end = first(d, "windowEnd", "endDate");
        String dates = start == null ? first(d, "expiresOn") : start + " – " + end;
        String detail = first(d, "reportSummary");
        if (d.has("tally") && d.get("tally").isObject()) {
            JsonNode t = d.get("tally");
            detail = "+" + t.path("approve").asInt() + " / −" + t.path("reject").asInt() + " / =" + t.path("abstain").asInt();
        }
        if (d.has("reasons")) {
            detail = StreamSupport.stream(d.get("reasons").spliterator(), false).map(JsonNode::asText)
                    .collect(Collectors.joining("; "));
        }
        return new MailModel(first(d, "title", "reference"), first(d, "requestId"), partyA, partyB, String.join(", ", codes),
                status == null ? null : STATUS.getOrDefault(language, STATUS.get("fr")).getOrDefault(status, status),
                first(d, "reason"), dates, detail == null ? "" : detail);
    }

    private static String first(JsonNode d, String... fields) {
        for (String f : fields) {
            if (d.hasNonNull(f) && !d.get(f).asText().isBlank()) {
                return d.get(f).asText();
            }
        }
        return null;
    }

    private static String name(String code) {
        if (code == null) {
            return null;
        }
        PartyView party = PartyView.findById(code);
        return party != null && party.nameFr != null ? party.nameFr : code;
    }
}
