package club.twinning.exchange.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A person's private calendar feed. The secret in its URL is kept only as its SHA-256 ({@code tokenHash}), so a
 * feed is found by hashing what is presented; {@code city} null means every visit (council, secretariat, ops).
 */
@Entity
public class CalendarFeed extends PanacheEntityBase {

    @Id
    public UUID id;
    public byte[] tokenHash;
    public String owner;
    public String city;
    public String lang;
    public Instant createdAt;
    public Instant lastUsedAt;
    public Instant revokedAt;

    public static Optional<CalendarFeed> live(byte[] tokenHash) {
        return find("tokenHash = ?1 and revokedAt is null", (Object) tokenHash).firstResultOptional();
    }

    public static List<CalendarFeed> liveOf(String owner) {
        return list("owner = ?1 and revokedAt is null order by createdAt desc, id", owner);
    }
}
