package club.twinning.notification;

import club.twinning.events.EventType;
import club.twinning.events.payload.ContactChanged;
import club.twinning.events.payload.PartyChanged;
import club.twinning.notification.replica.KnownContact;
import club.twinning.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import static org.awaitility.Awaitility.await;

/** Plays the registry: parties and contacts unique to a test, announced on Kafka and awaited in the read model. */
final class People {

    private People() {
    }

    static String party(TestEvents events, String prefix, String language, String timeZone) {
        String code = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        events.publish(EventType.PARTY_CREATED, code, new PartyChanged(code, "MUNICIPALITY", "Ville " + code, null, null,
                "MA", null, null, null, timeZone, language, List.of(), 0));
        return code;
    }

    static ContactChanged contact(String party, String language, boolean council, List<String> channels, String webhookUrl) {
        UUID id = UUID.randomUUID();
        return new ContactChanged(id, party, "Contact " + id.toString().substring(0, 4), "Point focal",
                "c-" + id + "@" + party + ".example.org", language, channels, webhookUrl, council, true, 0);
    }

    /** Announces the contact and waits until notification-service knows it. */
    static ContactChanged announce(TestEvents events, ContactChanged contact) {
        events.publish(contact.active() ? EventType.CONTACT_CREATED : EventType.CONTACT_DEACTIVATED,
                contact.contactId().toString(), contact);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                QuarkusTransaction.requiringNew().call(() -> {
                    KnownContact view = KnownContact.findById(contact.contactId());
                    return view != null && view.active == contact.active() && view.version == contact.version();
                }));
        return contact;
    }

    static ContactChanged deactivated(ContactChanged c) {
        return new ContactChanged(c.contactId(), c.partyCode(), c.name(), c.title(), c.email(), c.language(), c.channels(),
                c.webhookUrl(), c.councilMember(), false, c.version() + 1);
    }
}
