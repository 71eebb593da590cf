package club.twinning.exchange.replica;

import club.twinning.events.payload.PartyChanged;
import club.twinning.platform.replica.PartyCopy;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A party as the registry last announced it (platform's {@link PartyCopy}: names, language, time zone, version), with
 * what this service adds: where it is (calendar feeds) and its expertise (matching partners).
 */
@Entity
@Table(name = "party_view")
public class KnownParty extends PartyCopy {

    public String country;
    public Double latitude;
    public Double longitude;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<String> expertiseDomains = new ArrayList<>();

    /** A copy not yet filled, of the party {@code code}. */
    public static KnownParty of(String code) {
        KnownParty party = new KnownParty();
        party.code = code;
        return party;
    }

    @Override
    protected void copy(PartyChanged event) {
        super.copy(event);
        country = event.country();
        latitude = event.latitude();
        longitude = event.longitude();
        expertiseDomains = new ArrayList<>(event.expertiseDomains() == null ? List.of() : event.expertiseDomains());
    }
}
