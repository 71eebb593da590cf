package club.twinning.platform.replica;

import club.twinning.events.payload.PartyChanged;
import club.twinning.platform.party.PartyNames;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A party as the registry last announced it, the columns every service's local copy has (its code, names, language,
 * time zone and the version copied). A service's {@code KnownParty} extends it with its table and the columns only it
 * needs, and overrides {@link #copy} to fill them from the event.
 */
@MappedSuperclass
public abstract class PartyCopy extends PanacheEntityBase implements LocalCopy.Versioned {

    @Id
    public String code;
    public String nameFr;
    public String nameAr;
    public String nameEn;
    public String language;
    public String timeZone;
    public long version;

    /**
     * The copy of the event's party with the event's data in it, or empty when the copy is newer than the event
     * (ignore it). {@link #store} also persists it.
     */
    public static <P extends PartyCopy> Optional<P> update(PartyChanged event, P existing, Supplier<P> fresh) {
        Optional<P> copy = LocalCopy.toUpdate(existing, event.version(), fresh);
        copy.ifPresent(c -> {
            c.code = event.code();
            c.copy(event);
            c.version = event.version();
        });
        return copy;
    }

    /**
     * What a consumer of the registry's party events does: {@code PartyCopy.store(p, KnownParty.findById(p.code()),
     * KnownParty::new)} writes the event into the service's copy unless the copy is newer.
     */
    public static <P extends PartyCopy> void store(PartyChanged event, P existing, Supplier<P> fresh) {
        update(event, existing, fresh).ifPresent(copy -> copy.persist());
    }

    /** Takes the event's data; a subclass with columns of its own calls this, then fills them. */
    protected void copy(PartyChanged event) {
        nameFr = event.nameFr();
        nameAr = event.nameAr();
        nameEn = event.nameEn();
        language = event.language();
        timeZone = event.timeZone();
    }

    @Override
    public long copiedVersion() {
        return version;
    }

    public PartyNames names() {
        return new PartyNames(code, nameFr, nameAr, nameEn);
    }

    /** The name to show a reader of {@code language}, see {@link PartyNames#in}. */
    public String name(String language) {
        return names().in(language);
    }
}
