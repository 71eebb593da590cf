package club.twinning.exchange.replica;

import club.twinning.events.payload.Commitment;
import club.twinning.platform.replica.LocalCopy;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An agreement as the registry last announced it. Requests rest on it, so exchange-service keeps
 * deciding while the registry is down; {@code version} keeps late or repeated events from going back.
 */
@Entity
@Table(name = "agreement_view")
public class KnownAgreement extends PanacheEntityBase implements LocalCopy.Versioned {

    public static final String IN_FORCE = "IN_FORCE";

    @Id
    public UUID id;
    public String reference;
    public String type;
    public String status;
    public LocalDate expiresOn;
    public LocalDate signedOn;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agreement_view_party", joinColumns = @JoinColumn(name = "agreement_id"))
    @OrderColumn(name = "position")
    @Column(name = "party_code")
    public List<String> partyCodes = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<String> domains = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<Commitment> commitments = new ArrayList<>();
    public long version;

    /** A copy not yet filled, of the agreement {@code id}. */
    public static KnownAgreement of(UUID id) {
        KnownAgreement agreement = new KnownAgreement();
        agreement.id = id;
        return agreement;
    }

    @Override
    public long copiedVersion() {
        return version;
    }

    public boolean binds(String a, String b) {
        return partyCodes.contains(a) && partyCodes.contains(b);
    }

    /** Every agreement in force between the two parties (as last read, unlocked), oldest reference first. */
    public static List<KnownAgreement> allInForceBetween(String a, String b) {
        return KnownAgreement.list("status = ?1 and ?2 member of partyCodes and ?3 member of partyCodes order by reference",
                IN_FORCE, a, b);
    }

    public static List<KnownAgreement> inForceOf(String party) {
        return list("status = ?1 and ?2 member of partyCodes", IN_FORCE, party);
    }
}
