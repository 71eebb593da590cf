package club.twinning.notification.service;

import club.twinning.events.EventType;
import club.twinning.events.payload.AgreementStatusChanged;
import club.twinning.events.payload.ExchangeRequestChanged;
import club.twinning.events.payload.VisitChanged;
import club.twinning.notification.config.NotificationConfig;
import club.twinning.notification.domain.ContactPreference;
import club.twinning.notification.domain.CouncilMember;
import club.twinning.notification.domain.Delivery;
import club.twinning.notification.domain.DeliveryStatus;
import club.twinning.notification.domain.Digest;
import club.twinning.platform.inbox.IncomingEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Who hears what: an agreement's status change → its parties' contacts; a request submitted → the partner city's
 * contacts and the council, and a receipt to the submitting city's contacts; a decision, changes requested, a
 * withdrawal, a hold or its end, a visit step → both cities; a request closed or a visit flagged because its
 * agreement ended → both cities, the council and the secretariat (which recorded that decision); an escalation, a renewal due, a dormant twinning → the council and
 * the secretariat. The council is whoever holds the council role in Keycloak (see {@link CouncilDirectory}) and the
 * contacts the secretariat marked as the council's address. Each recipient gets one delivery row per channel it
 * wants, written in the consumer's transaction: the contacts concerned are read in one statement (with their
 * preferences, webhook secrets and parties), and the event (stored once) with all its deliveries written in another.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Router {

    private static final Logger LOG = Logger.getLogger(Router.class);

    private final EntityManager em;
    private final NotificationConfig config;
    private final Clock clock;
    private final DeliveryWorker worker;
    private final ObjectMapper mapper;

    Router(EntityManager em, NotificationConfig config, Clock clock, DeliveryWorker worker, ObjectMapper mapper) {
        this.em = em;
        this.config = config;
        this.clock = clock;
        this.worker = worker;
        this.mapper = mapper;
    }

    /** Returns how many deliveries the event made; {@code payload}: its data, bound to its type's record. */
    public int route(EventType type, IncomingEvent event, Record payload) {
        List<String> notified = List.of();
        List<String> receipted = List.of();
        boolean council = false;
        boolean secretariat = false;
        switch (type) {
            case AGREEMENT_STATUS_CHANGED -> notified = present(((AgreementStatusChanged) payload).partyCodes());
            case REQUEST_SUBMITTED -> {
                ExchangeRequestChanged request = (ExchangeRequestChanged) payload;
                notified = present(Arrays.asList(request.partnerParty()));
                receipted = present(Arrays.asList(request.requestingParty()));
                council = true;
            }
            case REQUEST_DECIDED, CHANGES_REQUESTED, REQUEST_WITHDRAWN, REQUEST_ON_HOLD, REQUEST_RESUMED -> notified = bothCities(payload);
            case REQUEST_CLOSED, VISIT_FLAGGED -> { // what the secretariat's suspension or termination did
                notified = bothCities(payload);
                council = true;
                secretariat = true;
            }
            case VISIT_PLANNED, VISIT_CONFIRMED, VISIT_CANCELLED, VISIT_COMPLETED -> notified = bothCities(payload);
            case REQUEST_ESCALATED, RENEWAL_DUE, RELATIONSHIP_DORMANT -> {
                council = true;
                secretariat = true;
            }
            default -> {
                return 0; // nobody is told of this one
            }
        }
        Instant now = clock.instant();
        List<Row> rows = new ArrayList<>();
        List<Recipient> candidates = recipients(notified, receipted, council);
        Set<UUID> told = new HashSet<>();
        for (Recipient r : candidates) {
            if ((notified.contains(r.partyCode()) || (council && r.councilMember())) && told.add(r.id())) {
                toContact(rows, type, r, Delivery.NOTICE, now);
            }
        }
        for (Recipient r : candidates) {
            if (receipted.contains(r.partyCode())) {
                toContact(rows, type, r, Delivery.RECEIPT, now);
            }
        }
        if (council) {
            for (CouncilMember member : CouncilMember.all()) {
                if (member.email == null) {
                    LOG.infof("council member %s has no email: not told of %s %s", member.username, type.type(), event.id());
                    continue;
                }
                rows.add(new Row(null, member.email, member.name, null, member.language, Delivery.EMAIL, Delivery.NOTICE,
                        DeliveryStatus.PENDING.name(), now));
            }
        }
        if (secretariat) {
            rows.add(new Row(null, config.secretariatEmail(), null, null, "fr", Delivery.EMAIL, Delivery.NOTICE,
                    DeliveryStatus.PENDING.name(), now));
        }
        int made = insert(event, type, rows, now);
        if (made > 0) {
            worker.wakeAfterCommit(); // sent as soon as the consumer's transaction commits, not at the next tick
        }
        return made;
    }

    /** A contact with what routing needs: how to reach it, what it wants, its party's language and time zone. */
    record Recipient(UUID id, String partyCode, String name, String email, String language, boolean byEmail,
                     boolean byWebhook, String webhookUrl, boolean councilMember, boolean hasSecret,
                     ContactPreference preference, String partyLanguage, String timeZone) {
    }

    /** One delivery to write; serialised as JSON into the insert. */
    record Row(UUID contactId, String recipient, String name, String party, String language, String channel, String purpose,
               String status, Instant next) {
    }

    /** One row per channel the contact wants: an email now or in its digest, a signed webhook. */
    private static void toContact(List<Row> rows, EventType type, Recipient contact, String purpose, Instant now) {
        ContactPreference wants = contact.preference();
        String language = contact.language() != null ? contact.language()
                : contact.partyLanguage() != null ? contact.partyLanguage() : "fr";
        if (contact.byEmail() && contact.email() != null && wants.wants(type.type(), Delivery.EMAIL)) {
            boolean digest = wants.digest == Digest.DAILY;
            rows.add(new Row(contact.id(), contact.email(), contact.name(), contact.partyCode(), language, Delivery.EMAIL,
                    purpose, (digest ? DeliveryStatus.DIGEST : DeliveryStatus.PENDING).name(),
                    digest ? DigestSchedule.next(contact.timeZone(), wants.digestHour, now) : now));
        }
        if (contact.byWebhook() && contact.webhookUrl() != null && contact.hasSecret()
                && wants.wants(type.type(), Delivery.WEBHOOK)) {
            rows.add(new Row(contact.id(), contact.webhookUrl(), contact.name(), contact.partyCode(), language,
                    Delivery.WEBHOOK, purpose, DeliveryStatus.PENDING.name(), now));
        }
    }

    /**
     * The active contacts of these parties (and the council's, when {@code council}) with their preference, whether
     * they have a webhook secret, and their party's language and time zone: one statement, however many contacts.
     */
    @SuppressWarnings("unchecked")
    private List<Recipient> recipients(List<String> notified, List<String> receipted, boolean council) {
        List<String> parties = new ArrayList<>(notified);
        parties.addAll(receipted);
        if (parties.isEmpty() && !council) {
            return List.of();
        }
        List<Object[]> found = em.createNativeQuery("""
                SELECT c.id, c.party_code, c.name, c.email, c.language, jsonb_exists(c.channels, 'email'),
                       jsonb_exists(c.channels, 'webhook'), c.webhook_url, c.council_member, ws.contact_id IS NOT NULL,
                       CAST(p.event_types AS text), CAST(p.channels AS text), p.digest, p.digest_hour, pv.language, pv.time_zone
                  FROM contact_view c
                  LEFT JOIN contact_preference p ON p.contact_id = c.id
                  LEFT JOIN webhook_secret ws ON ws.contact_id = c.id
                  LEFT JOIN party_view pv ON pv.code = c.party_code
                 WHERE c.active AND (c.party_code IN (SELECT jsonb_array_elements_text(CAST(:parties AS jsonb)))
                       OR (CAST(:council AS boolean) AND c.council_member))
                 ORDER BY c.party_code, c.id""")
                .setParameter("parties", json(parties)).setParameter("council", council).getResultList();
        List<Recipient> recipients = new ArrayList<>(found.size());
        for (Object[] r : found) {
            ContactPreference preference = new ContactPreference(); // a detached copy, never written
            preference.contactId = (UUID) r[0];
            if (r[10] != null) {
                preference.eventTypes = strings((String) r[10]);
                preference.channels = strings((String) r[11]);
                preference.digest = Digest.valueOf((String) r[12]);
                preference.digestHour = ((Number) r[13]).intValue();
            }
            recipients.add(new Recipient((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    (Boolean) r[5], (Boolean) r[6], (String) r[7], (Boolean) r[8], (Boolean) r[9], preference, (String) r[14],
                    (String) r[15]));
        }
        return recipients;
    }

    /** The requesting and partner cities of a request, the host and visiting cities of a visit. */
    private static List<String> bothCities(Record payload) {
        if (payload instanceof ExchangeRequestChanged r) {
            return present(Arrays.asList(r.requestingParty(), r.partnerParty()));
        } else if (payload instanceof VisitChanged v) {
            return present(Arrays.asList(v.hostParty(), v.visitingParty()));
        }
        throw new IllegalArgumentException("no cities in " + payload.getClass().getSimpleName());
    }

    /**
     * The event (stored once) and all its deliveries, in one statement; a redelivered event adds nothing. Returns how
     * many deliveries were written.
     */
    private int insert(IncomingEvent event, EventType type, List<Row> rows, Instant now) {
        if (rows.isEmpty()) {
            return 0;
        }
        return em.createNativeQuery("""
                WITH event AS (
                    INSERT INTO delivery_event (event_id, event_type, event_source, event_subject, event_time, event_data)
                    VALUES (:id, :type, :source, :subject, :now, :data)
                    ON CONFLICT (event_id) DO NOTHING)
                INSERT INTO delivery (id, event_id, event_type, contact_id, recipient, recipient_name, party_code, language,
                    channel, purpose, status, attempts, next_attempt_at, created_at)
                SELECT gen_random_uuid(), :id, :type, r."contactId", r.recipient, r.name, r.party, r.language, r.channel,
                       r.purpose, r.status, 0, r.next, :now
                  FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r("contactId" uuid, recipient text, name text, party text,
                       language text, channel text, purpose text, status text, next timestamptz)
                ON CONFLICT (event_id, recipient, channel, purpose) DO NOTHING""")
                .setParameter("id", event.id()).setParameter("type", type.type()).setParameter("source", event.source())
                .setParameter("subject", event.subject()).setParameter("now", now).setParameter("data", event.data())
                .setParameter("rows", json(rows)).executeUpdate();
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> strings(String array) {
        try {
            return array == null ? new ArrayList<>() : new ArrayList<>(List.of(mapper.readValue(array, String[].class)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The codes given (an older event may lack one). */
    private static List<String> present(List<String> codes) {
        return codes == null ? List.of() : codes.stream().filter(Objects::nonNull).toList();
    }
}
