package club.twinning.registry.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** A signed text of an agreement in one language, kept with its media type, size and SHA-256. */
@Entity
public class AgreementDocument extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID agreementId;
    public String language;
    public String fileName;
    public String mediaType;
    public long size;
    public String sha256;
    @Basic(fetch = FetchType.LAZY)
    public byte[] content;
    public String uploadedBy;
    public Instant uploadedAt;
}
