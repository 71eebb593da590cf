package club.twinning.notification.service;

import club.twinning.events.EventType;
import club.twinning.notification.config.NotificationConfig;
import club.twinning.notification.domain.ContactPreference;
import club.twinning.notification.domain.ContactView;
import club.twinning.notification.domain.Delivery;
import club.twinning.notification.domain.DeliveryStatus;
import club.twinning.notification.domain.Digest;
import club.twinning.notification.domain.PartyView;
import club.twinning.notification.domain.WebhookSecret;
import club.twinning.platform.inbox.IncomingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Who hears what: an agreement's status change → its parties' contacts; a request submitted → the partner
 * city's contacts and the council; a decision, changes requested, a withdrawal, a visit step → both cities;
 * an escalation, a renewal due, a dormant twinning → the council and the secretariat. Each recipient gets
 * one delivery row per channel it wants, written in the consumer's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Router {

    private final EntityManager em;
    private final ObjectMapper json;
    private final NotificationConfig config;
    private final Clock clock;

    Router(EntityManager em, ObjectMapper json, NotificationConfig config, Clock clock) {
        this.em = em;
        this.json = json;
        this.config = config;
        this.clock = clock;
    }

    /** Returns how many deliveries the event made. */
    public int route(EventType type, IncomingEvent event) throws IOException {
        JsonNode data = json.readTree(event.data());
        Map<UUID, ContactView> contacts = new LinkedHashMap<>();
        boolean secretariat = false;
        switch (type) {
            case AGREEMENT_STATUS_CHANGED -> add(contacts, ContactView.activeOf(codes(data.path("partyCodes"))));
            case REQUEST_SUBMITTED -> {
                add(contacts, ContactView.activeOf(List.of(data.path("partnerParty").asText())));
                add(contacts, ContactView.council());
            }
            case REQUEST_DECIDED, CHANGES_REQUESTED, REQUEST_WITHDRAWN ->
                    add(contacts, ContactView.activeOf(List.of(data.path("requestingParty").asText(), data.path("partnerParty").asText())));
            case VISIT_PLANNED, VISIT_CONFIRMED, VISIT_CANCELLED, VISIT_COMPLETED ->
                    add(contacts, ContactView.activeOf(List.of(data.path("hostParty").asText(), data.path("visitingParty").asText())));
            case REQUEST_ESCALATED, RENEWAL_DUE, RELATIONSHIP_DORMANT -> {
                add(contacts, ContactView.council());
                secretariat = true;
            }
            default -> {
                return 0; // nobody is told of this one
            }
        }
        Instant now = clock.instant();
        int made = 0;
        for (ContactView contact : contacts.values()) {
            ContactPreference preference = ContactPreference.of(contact.id);
            String language = language(contact);
            if (contact.channels.contains("email") && contact.email != null && preference.wants(type.type(), Delivery.EMAIL)) {
                boolean digest = preference.digest == Digest.DAILY;
                made += insert(event, type, contact.id, contact.email, contact.partyCode, language, Delivery.EMAIL,
                        digest ? DeliveryStatus.DIGEST : DeliveryStatus.PENDING,
                        digest ? nextDigest(contact, preference.digestHour, now) : now, now);
            }
            if (contact.channels.contains("webhook") && contact.webhookUrl != null
                    && WebhookSecret.findById(contact.id) != null && preference.wants(type.type(), Delivery.WEBHOOK)) {
                made += insert(event, type, contact.id, contact.webhookUrl, contact.partyCode, language, Delivery.WEBHOOK,
                        DeliveryStatus.PENDING, now, now);
            }
        }
        if (secretariat) {
            made += insert(event, type, null, config.secretariatEmail(), null, "fr", Delivery.EMAIL, DeliveryStatus.PENDING, now, now);
        }
        return made;
    }

    /** The next local digest hour for this contact, in its party's time zone (UTC when unknown). */
    Instant nextDigest(ContactView contact, int hour, Instant now) {
        PartyView party = PartyView.findById(contact.partyCode);
        ZoneId zone = party != null && party.timeZone != null ? ZoneId.of(party.timeZone) : ZoneId.of("UTC");
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime at = local.withHour(hour).withMinute(0).withSecond(0).withNano(0);
        return (at.isAfter(local) ? at : at.plusDays(1)).toInstant();
    }

    private static String language(ContactView contact) {
        if (contact.language != null) {
            return contact.language;
        }
        PartyView party = PartyView.findById(contact.partyCode);
        return party != null && party.language != null ? party.language : "fr";
    }

    private int insert(IncomingEvent event, EventType type, UUID contactId, String recipient, String party, String language,
                       String channel, DeliveryStatus status, Instant next, Instant now) {
        return em.createNativeQuery("""
                INSERT INTO delivery (id, event_id, event_type, event_source, event_subject, event_time, event_data,
                    contact_id, recipient, party_code, language, channel, status, attempts, next_attempt_at, created_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, 0, ?14, ?15)
                ON CONFLICT (event_id, recipient, channel) DO NOTHING""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, event.id()).setParameter(3, type.type())
                .setParameter(4, event.source()).setParameter(5, event.subject()).setParameter(6, now)
                .setParameter(7, event.data()).setParameter(8, contactId).setParameter(9, recipient)
                .setParameter(10, party).setParameter(11, language).setParameter(12, channel)
                .setParameter(13, status.name()).setParameter(14, next).setParameter(15, now)
                .executeUpdate();
    }

    private static void add(Map<UUID, ContactView> into, List<ContactView> contacts) {
        contacts.forEach(c -> into.putIfAbsent(c.id, c));
    }

    private static List<String> codes(JsonNode array) {
        List<String> codes = new ArrayList<>();
        array.forEach(c -> codes.add(c.asText()));
        return codes;
    }
}
