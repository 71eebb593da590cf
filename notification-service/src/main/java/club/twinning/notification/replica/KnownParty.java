package club.twinning.notification.replica;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A party as the registry last announced it (a local copy of registry-service's data, updated from its events; the
 * table keeps its first name): its names (emails name it in the reader's language), its language (a
 * contact without one falls back to it) and time zone (for daily digests).
 */
@Entity
@Table(name = "party_view")
public class KnownParty extends RegistryCopy {

    @Id
    public String code;
    public String nameFr;
    public String nameAr;
    public String nameEn;
    public String language;
    public String timeZone;

    /** A copy not yet filled in. */
    public static KnownParty of(String code) {
        KnownParty copy = new KnownParty();
        copy.code = code;
        return copy;
    }

    /** The name in fr, ar or en, else in another language the register has, else the code. */
    public String name(String language) {
        String preferred = switch (language == null ? "fr" : language) {
            case "ar" -> nameAr;
            case "en" -> nameEn;
            default -> nameFr;
        };
        for (String name : new String[] {preferred, nameFr, nameEn, nameAr}) {
            if (name != null && !name.isBlank()) {
                return name;
            }
        }
        return code;
    }
}
