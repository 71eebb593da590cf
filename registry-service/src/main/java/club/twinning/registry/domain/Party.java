package club.twinning.registry.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A member of the club: a municipality, an association, an international organisation. */
@Entity
public class Party extends PanacheEntityBase {

    @Id
    public String code;
    public String kind;
    public String nameFr;
    public String nameAr;
    public String nameEn;
    public String country;
    public String region;
    public Double latitude;
    public Double longitude;
    public String timeZone;
    public String language;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<String> expertiseDomains = new ArrayList<>();
    @Version
    public long version;

    /** The name to show in a language, falling back to French, then to any name. */
    public String name(String lang) {
        String name = switch (lang == null ? "fr" : lang) {
            case "ar" -> nameAr;
            case "en" -> nameEn;
            default -> nameFr;
        };
        if (name != null) {
            return name;
        }
        return nameFr != null ? nameFr : nameEn != null ? nameEn : nameAr != null ? nameAr : code;
    }
}
