package club.twinning.exchange.replica;

import club.twinning.platform.replica.LocalCopy;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A party as the registry last announced it: enough to match partners by expertise. */
@Entity
@Table(name = "party_view")
public class KnownParty extends PanacheEntityBase implements LocalCopy.Versioned {

    @Id
    public String code;
    public String nameFr;
    public String nameAr;
    public String nameEn;
    public String country;
    public Double latitude;
    public Double longitude;
    public String timeZone;
    public String language;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<String> expertiseDomains = new ArrayList<>();
    public long version;

    /** A copy not yet filled, of the party {@code code}. */
    public static KnownParty of(String code) {
        KnownParty party = new KnownParty();
        party.code = code;
        return party;
    }

    @Override
    public long copiedVersion() {
        return version;
    }
}
