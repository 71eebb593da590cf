package club.twinning.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** What a contact wants to hear (empty lists mean everything) and when. */
@Entity
public class ContactPreference extends PanacheEntityBase {

    @Id
    public UUID contactId;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<String> eventTypes = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<String> channels = new ArrayList<>();
    @Enumerated(EnumType.STRING)
    public Digest digest = Digest.IMMEDIATE;
    public int digestHour = 8;
    public String updatedBy;
    public Instant updatedAt;

    public static ContactPreference of(UUID contactId) {
        ContactPreference preference = findById(contactId);
        if (preference == null) {
            preference = new ContactPreference();
            preference.contactId = contactId;
        }
        return preference;
    }

    public boolean wants(String eventType, String channel) {
        return (eventTypes.isEmpty() || eventTypes.contains(eventType)) && (channels.isEmpty() || channels.contains(channel));
    }
}
