package club.twinning.events;

import club.twinning.events.payload.AgreementChanged;
import club.twinning.events.payload.AgreementStatusChanged;
import club.twinning.events.payload.CommitmentDue;
import club.twinning.events.payload.ContactChanged;
import club.twinning.events.payload.ExchangeRequestChanged;
import club.twinning.events.payload.PartyChanged;
import club.twinning.events.payload.RelationshipDormant;
import club.twinning.events.payload.RenewalDue;
import club.twinning.events.payload.VisitChanged;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every CloudEvents {@code type} the platform publishes, with the topic it travels on and the record its
 * JSON data binds to. Producers and consumers both use this table, so a type cannot drift between them.
 */
public enum EventType {
    PARTY_CREATED("club.twinning.party.created", Topics.PARTIES, PartyChanged.class),
    PARTY_UPDATED("club.twinning.party.updated", Topics.PARTIES, PartyChanged.class),

    CONTACT_CREATED("club.twinning.contact.created", Topics.CONTACTS, ContactChanged.class),
    CONTACT_UPDATED("club.twinning.contact.updated", Topics.CONTACTS, ContactChanged.class),
    CONTACT_DEACTIVATED("club.twinning.contact.deactivated", Topics.CONTACTS, ContactChanged.class),

    AGREEMENT_CREATED("club.twinning.agreement.created", Topics.AGREEMENTS, AgreementChanged.class),
    AGREEMENT_UPDATED("club.twinning.agreement.updated", Topics.AGREEMENTS, AgreementChanged.class),
    AGREEMENT_STATUS_CHANGED("club.twinning.agreement.status-changed", Topics.AGREEMENTS, AgreementStatusChanged.class),
    COMMITMENT_DUE("club.twinning.agreement.commitment-due", Topics.AGREEMENTS, CommitmentDue.class),
    RENEWAL_DUE("club.twinning.agreement.renewal-due", Topics.AGREEMENTS, RenewalDue.class),

    REQUEST_SUBMITTED("club.twinning.request.submitted", Topics.REQUESTS, ExchangeRequestChanged.class),
    VOTE_CAST("club.twinning.request.vote-cast", Topics.REQUESTS, ExchangeRequestChanged.class),
    REQUEST_DECIDED("club.twinning.request.decided", Topics.REQUESTS, ExchangeRequestChanged.class),
    CHANGES_REQUESTED("club.twinning.request.changes-requested", Topics.REQUESTS, ExchangeRequestChanged.class),
    REQUEST_WITHDRAWN("club.twinning.request.withdrawn", Topics.REQUESTS, ExchangeRequestChanged.class),
    REQUEST_ESCALATED("club.twinning.request.escalated", Topics.REQUESTS, ExchangeRequestChanged.class),
    /** The request's agreement was suspended: nothing moves until it is back in force ({@code reason} says why). */
    REQUEST_ON_HOLD("club.twinning.request.on-hold", Topics.REQUESTS, ExchangeRequestChanged.class),
    /** The agreement is in force again: the request is back where it was before the hold. */
    REQUEST_RESUMED("club.twinning.request.resumed", Topics.REQUESTS, ExchangeRequestChanged.class),
    /** The request's agreement ended (terminated or expired): the request is closed with the reason. */
    REQUEST_CLOSED("club.twinning.request.closed", Topics.REQUESTS, ExchangeRequestChanged.class),

    VISIT_PLANNED("club.twinning.visit.planned", Topics.VISITS, VisitChanged.class),
    VISIT_CONFIRMED("club.twinning.visit.confirmed", Topics.VISITS, VisitChanged.class),
    VISIT_CANCELLED("club.twinning.visit.cancelled", Topics.VISITS, VisitChanged.class),
    VISIT_COMPLETED("club.twinning.visit.completed", Topics.VISITS, VisitChanged.class),
    /** A planned or confirmed visit whose agreement is no longer in force: both cities and the council decide. */
    VISIT_FLAGGED("club.twinning.visit.flagged", Topics.VISITS, VisitChanged.class),

    RELATIONSHIP_DORMANT("club.twinning.relationship.dormant", Topics.RELATIONSHIPS, RelationshipDormant.class);

    private final String type;
    private final String topic;
    private final Class<? extends Record> payload;

    EventType(String type, String topic, Class<? extends Record> payload) {
        this.type = type;
        this.topic = topic;
        this.payload = payload;
    }

    /** The CloudEvents {@code type} attribute. */
    public String type() {
        return type;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends Record> payload() {
        return payload;
    }

    public static Optional<EventType> of(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }
}
