package club.twinning.notification.service;

import club.twinning.events.EventType;
import club.twinning.notification.config.NotificationConfig;
import club.twinning.notification.domain.ContactPreference;
import club.twinning.notification.domain.ContactView;
import club.twinning.notification.domain.CouncilMember;
import club.twinning.notification.domain.Delivery;
import club.twinning.notification.domain.DeliveryStatus;
import club.twinning.notification.domain.Digest;
import club.twinning.notification.domain.PartyView;
import club.twinning.notification.domain.WebhookSecret;
import club.twinning.platform.inbox.IncomingEvent;
import club.twinning.events.payload.AgreementStatusChanged;
import club.twinning.events.payload.ExchangeRequestChanged;
import club.twinning.events.payload.VisitChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Who hears what: an agreement's status change → its parties' contacts; a request submitted → the partner city's
 * contacts and the council, and a receipt to the submitting city's contacts; a decision, changes requested, a
 * withdrawal, a hold or its end, a visit step → both cities; a request closed or a visit flagged because its
 * agreement ended → both cities and the council; an escalation, a renewal due, a dormant twinning → the council and
 * the secretariat. The council is whoever holds the council role in Keycloak (see {@link CouncilDirectory}) and the
 * contacts the secretariat marked as the council's address. Each recipient gets one delivery row per channel it
 * wants, written in the consumer's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Router {

    private static final Logger LOG = Logger.getLogger(Router.class);

    private final EntityManager em;
    private final NotificationConfig config;
    private final Clock clock;
    private final DeliveryWorker worker;

    Router(EntityManager em, NotificationConfig config, Clock clock, DeliveryWorker worker) {
        this.em = em;
        this.config = config;
        this.clock = clock;
        this.worker = worker;
    }

    /** Returns how many deliveries the event made; {@code payload}: its data, bound to its type's record. */
    public int route(EventType type, IncomingEvent event, Record payload) {
        Map<UUID, ContactView> contacts = new LinkedHashMap<>();
        List<ContactView> receipts = List.of();
        boolean council = false;
        boolean secretariat = false;
        switch (type) {
            case AGREEMENT_STATUS_CHANGED -> add(contacts, ContactView.activeOf(present(((AgreementStatusChanged) payload).partyCodes())));
            case REQUEST_SUBMITTED -> {
                ExchangeRequestChanged request = (ExchangeRequestChanged) payload;
                add(contacts, ContactView.activeOf(present(Arrays.asList(request.partnerParty()))));
                receipts = ContactView.activeOf(present(Arrays.asList(request.requestingParty())));
                council = true;
            }
            case REQUEST_DECIDED, CHANGES_REQUESTED, REQUEST_WITHDRAWN, REQUEST_ON_HOLD, REQUEST_RESUMED -> add(contacts, bothCities(payload));
            case REQUEST_CLOSED -> {
                add(contacts, bothCities(payload));
                council = true;
            }
            case VISIT_PLANNED, VISIT_CONFIRMED, VISIT_CANCELLED, VISIT_COMPLETED -> add(contacts, bothCities(payload));
            case VISIT_FLAGGED -> {
                add(contacts, bothCities(payload));
                council = true;
            }
            case REQUEST_ESCALATED, RENEWAL_DUE, RELATIONSHIP_DORMANT -> {
                council = true;
                secretariat = true;
            }
            default -> {
                return 0; // nobody is told of this one
            }
        }
        if (council) {
            add(contacts, ContactView.council());
        }
        Instant now = clock.instant();
        int made = 0;
        for (ContactView contact : contacts.values()) {
            made += toContact(event, type, contact, Delivery.NOTICE, now);
        }
        for (ContactView contact : receipts) {
            made += toContact(event, type, contact, Delivery.RECEIPT, now);
        }
        if (council) {
            for (CouncilMember member : CouncilMember.all()) {
                if (member.email == null) {
                    LOG.infof("council member %s has no email: not told of %s %s", member.username, type.type(), event.id());
                    continue;
                }
                made += insert(event, type, null, member.email, member.name, null, member.language, Delivery.EMAIL,
                        Delivery.NOTICE, DeliveryStatus.PENDING, now, now);
            }
        }
        if (secretariat) {
            made += insert(event, type, null, config.secretariatEmail(), null, null, "fr", Delivery.EMAIL, Delivery.NOTICE,
                    DeliveryStatus.PENDING, now, now);
        }
        if (made > 0) {
            worker.wakeAfterCommit(); // sent as soon as the consumer's transaction commits, not at the next tick
        }
        return made;
    }

    /** One row per channel the contact wants: an email now or in its digest, a signed webhook. */
    private int toContact(IncomingEvent event, EventType type, ContactView contact, String purpose, Instant now) {
        ContactPreference preference = ContactPreference.of(contact.id);
        String language = language(contact);
        int made = 0;
        if (contact.channels.contains("email") && contact.email != null && preference.wants(type.type(), Delivery.EMAIL)) {
            boolean digest = preference.digest == Digest.DAILY;
            made += insert(event, type, contact.id, contact.email, contact.name, contact.partyCode, language, Delivery.EMAIL,
                    purpose, digest ? DeliveryStatus.DIGEST : DeliveryStatus.PENDING,
                    digest ? nextDigest(contact, preference.digestHour, now) : now, now);
        }
        if (contact.channels.contains("webhook") && contact.webhookUrl != null
                && WebhookSecret.findById(contact.id) != null && preference.wants(type.type(), Delivery.WEBHOOK)) {
            made += insert(event, type, contact.id, contact.webhookUrl, contact.name, contact.partyCode, language,
                    Delivery.WEBHOOK, purpose, DeliveryStatus.PENDING, now, now);
        }
        return made;
    }

    /** The requesting and partner cities of a request, the host and visiting cities of a visit. */
    private static List<ContactView> bothCities(Record payload) {
        List<String> parties;
        if (payload instanceof ExchangeRequestChanged r) {
            parties = Arrays.asList(r.requestingParty(), r.partnerParty());
        } else if (payload instanceof VisitChanged v) {
            parties = Arrays.asList(v.hostParty(), v.visitingParty());
        } else {
            throw new IllegalArgumentException("no cities in " + payload.getClass().getSimpleName());
        }
        return ContactView.activeOf(present(parties));
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

    private int insert(IncomingEvent event, EventType type, UUID contactId, String recipient, String name, String party,
                       String language, String channel, String purpose, DeliveryStatus status, Instant next, Instant now) {
        return em.createNativeQuery("""
                INSERT INTO delivery (id, event_id, event_type, event_source, event_subject, event_time, event_data,
                    contact_id, recipient, recipient_name, party_code, language, channel, purpose, status, attempts,
                    next_attempt_at, created_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, 0, ?16, ?17)
                ON CONFLICT (event_id, recipient, channel, purpose) DO NOTHING""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, event.id()).setParameter(3, type.type())
                .setParameter(4, event.source()).setParameter(5, event.subject()).setParameter(6, now)
                .setParameter(7, event.data()).setParameter(8, contactId).setParameter(9, recipient)
                .setParameter(10, name).setParameter(11, party).setParameter(12, language).setParameter(13, channel)
                .setParameter(14, purpose).setParameter(15, status.name()).setParameter(16, next).setParameter(17, now)
                .executeUpdate();
    }

    private static void add(Map<UUID, ContactView> into, List<ContactView> contacts) {
        contacts.forEach(c -> into.putIfAbsent(c.id, c));
    }

    /** The codes given (an older event may lack one). */
    private static List<String> present(List<String> codes) {
        return codes == null ? List.of() : codes.stream().filter(Objects::nonNull).toList();
    }
}
