package club.twinning.registry.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An agreement between two or more parties, from first draft to expiry. */
@Entity
public class Agreement extends PanacheEntityBase {

    @Id
    public UUID id;
    public String reference;
    @Enumerated(EnumType.STRING)
    public AgreementType type;
    @Enumerated(EnumType.STRING)
    public AgreementStatus status;
    public String titleFr;
    public String titleAr;
    public String titleEn;
    public String summaryFr;
    public String summaryAr;
    public String summaryEn;
    public String place;
    public LocalDate signedOn;
    public String occasion;
    public LocalDate effectiveFrom;
    public LocalDate expiresOn;
    public boolean tacitRenewal;
    public Integer renewalTermMonths;
    public Integer noticeDays;
    /** The expiry date whose renewal notice was announced, so it is announced once. */
    public LocalDate renewalNoticeFor;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agreement_party", joinColumns = @JoinColumn(name = "agreement_id"))
    @OrderColumn(name = "position")
    @Column(name = "party_code")
    public List<String> partyCodes = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agreement_domain", joinColumns = @JoinColumn(name = "agreement_id"))
    @OrderColumn(name = "position")
    @Column(name = "domain")
    public List<String> domains = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<Signatory> signatories = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<Witness> witnesses = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<CommitmentEntry> commitments = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Formalities formalities = Formalities.none();

    /** Titles, summaries, reference, place and occasion in lower case, for the text filter. */
    public String searchText = "";
    public Instant createdAt;
    @Version
    public long version;

    public String title(String lang) {
        String title = switch (lang == null ? "fr" : lang) {
            case "ar" -> titleAr;
            case "en" -> titleEn;
            default -> titleFr;
        };
        return title != null ? title : titleFr != null ? titleFr : titleEn != null ? titleEn : titleAr;
    }

    public void index() {
        searchText = String.join(" ", nonNull(reference, titleFr, titleAr, titleEn, summaryFr, summaryAr, summaryEn,
                place, occasion)).toLowerCase(java.util.Locale.ROOT);
    }

    private static List<String> nonNull(String... values) {
        List<String> present = new ArrayList<>();
        for (String v : values) {
            if (v != null) {
                present.add(v);
            }
        }
        return present;
    }
}
