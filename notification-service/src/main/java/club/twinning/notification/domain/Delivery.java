package club.twinning.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import java.util.UUID;

/**
 * One event to one recipient on one channel: written before anything is sent, unique on (event, recipient,
 * channel), so a redelivered message or a restart sends nothing twice. It refers to the event it announces.
 */
@Entity
public class Delivery extends PanacheEntityBase {

    public static final String EMAIL = "EMAIL";
    public static final String WEBHOOK = "WEBHOOK";
    /** What the event means to its reader: a notice of it, or (to the city that submitted) a receipt. */
    public static final String NOTICE = "NOTICE";
    public static final String RECEIPT = "RECEIPT";

    @Id
    public UUID id;
    @Column(name = "event_id")
    public String eventId;
    public String eventType;
    /** The event, stored once for all its deliveries (read-only here: the router writes both). */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "event_id", insertable = false, updatable = false)
    public DeliveryEvent event;
    public UUID contactId;
    public String recipient;
    /** The name the email greets (a council member from Keycloak is no contact). */
    public String recipientName;
    public String purpose = NOTICE;
    public String partyCode;
    public String language;
    public String channel;
    @Enumerated(EnumType.STRING)
    public DeliveryStatus status;
    public int attempts;
    public Instant nextAttemptAt;
    /** While SENDING: the claim runs out then (a sender that died), and the row is claimed again. */
    public Instant leaseUntil;
    public Instant createdAt;
    public Instant sentAt;
    /** A category (timeout, refused, http-503, refused-address…): partners read it; the detail is in ops' logs. */
    public String lastError;
}
