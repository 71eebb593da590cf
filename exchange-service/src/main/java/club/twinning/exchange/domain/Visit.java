package club.twinning.exchange.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The visit an approved request leads to: who goes where, when, what for, and what came of it. */
@Entity
public class Visit extends PanacheEntityBase {

    public record Delegate(String name, String role, String email) {
    }

    public record AgendaItem(LocalDate day, String time, String topic, String place) {
    }

    public record FollowUp(String action, java.util.UUID commitmentId) {
    }

    public record Report(String outcomes, String lessons, List<FollowUp> followUps, List<String> attendance,
                         String filedBy, Instant filedAt) {
    }

    @Id
    public UUID id;
    public UUID requestId;
    public String hostParty;
    public String visitingParty;
    public LocalDate startDate;
    public LocalDate endDate;
    @Enumerated(EnumType.STRING)
    public VisitStatus status;
    public String domain;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<Delegate> delegation = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<AgendaItem> agenda = new ArrayList<>();
    public String logistics;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Report report;
    public String cancelReason;
    /** Set while the visit's agreement is not in force: why both cities and the council must look at it. */
    public String flag;
    public Instant flaggedAt;
    public String plannedBy;
    public Instant createdAt;
    @Version
    public long version;

    /** A visit that took place: completed, reported, and over by {@code :today} (never a future one). */
    private static final String TOOK_PLACE = "status = :completed and report is not null and endDate <= :today";

    /** How many visits of {@code party} (host or visitor) in {@code domain} took place: its shown experience. */
    public static long tookPlaceCount(String party, String domain, LocalDate today) {
        return count(TOOK_PLACE + " and domain = :domain and (hostParty = :party or visitingParty = :party)",
                tookPlace(today).and("domain", domain).and("party", party));
    }

    /** The last visit between {@code a} and {@code b}, either way, that took place. */
    public static Optional<Visit> lastTookPlace(String a, String b, LocalDate today) {
        return Visit.<Visit>find(TOOK_PLACE + " and ((hostParty = :a and visitingParty = :b)"
                + " or (hostParty = :b and visitingParty = :a)) order by endDate desc", tookPlace(today).and("a", a).and("b", b))
                .firstResultOptional();
    }

    private static Parameters tookPlace(LocalDate today) {
        return Parameters.with("completed", VisitStatus.COMPLETED).and("today", today);
    }

    /** The visits overlapping [from, to], of one city (host or visitor) or, for {@code city} null, of all. */
    public static List<Visit> overlapping(LocalDate from, LocalDate to, String city, int limit) {
        return city == null
                ? Visit.<Visit>find("endDate >= ?1 and startDate <= ?2 order by startDate, id", from, to).page(0, limit).list()
                : Visit.<Visit>find("endDate >= ?1 and startDate <= ?2 and (hostParty = ?3 or visitingParty = ?3)"
                        + " order by startDate, id", from, to, city).page(0, limit).list();
    }

    /** The two cities of the visit: what a city scope is checked against. */
    public List<String> parties() {
        return List.of(hostParty, visitingParty);
    }
}
