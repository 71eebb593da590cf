package club.twinning.notification.replica;

import club.twinning.platform.replica.LocalCopy;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.MappedSuperclass;

/** A local copy of one of registry-service's records: the record's version decides which events it takes. */
@MappedSuperclass
public abstract class RegistryCopy extends PanacheEntityBase implements LocalCopy.Versioned {

    /** The registry's version of the record this copies (see {@link LocalCopy}). */
    public long version;

    @Override
    public long copiedVersion() {
        return version;
    }
}
