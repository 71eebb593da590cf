package club.twinning.events;

import club.twinning.events.payload.AgreementStatusChanged;
import club.twinning.events.payload.ContactChanged;
import club.twinning.events.payload.PartyChanged;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every CloudEvents {@code type} the platform publishes, with the topic it travels on and the record its
 * JSON data binds to. Producers and consumers both use this table, so a type cannot drift between them.
 */
public enum EventType {
    PARTY_REGISTERED("club.twinning.party.registered", Topics.PARTIES, PartyChanged.class),
    PARTY_UPDATED("club.twinning.party.updated", Topics.PARTIES, PartyChanged.class),
    CONTACT_CHANGED("club.twinning.contact.changed", Topics.CONTACTS, ContactChanged.class),
    AGREEMENT_STATUS_CHANGED("club.twinning.agreement.status-changed", Topics.AGREEMENTS, AgreementStatusChanged.class);

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
