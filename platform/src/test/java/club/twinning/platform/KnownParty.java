package club.twinning.platform;

import club.twinning.events.payload.PartyChanged;
import club.twinning.platform.replica.PartyCopy;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A service's copy of the registry's parties, written as the services write theirs: PartyCopy plus a column of its own. */
@Entity
@Table(name = "party_view")
public class KnownParty extends PartyCopy {

    public String country;

    @Override
    protected void copy(PartyChanged event) {
        super.copy(event);
        country = event.country();
    }
}
