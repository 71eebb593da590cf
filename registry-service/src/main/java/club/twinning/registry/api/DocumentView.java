package club.twinning.registry.api;

import club.twinning.registry.domain.AgreementDocument;
import java.time.Instant;
import java.util.UUID;

public record DocumentView(UUID id, String language, String fileName, String mediaType, long size, String sha256,
                           String uploadedBy, Instant uploadedAt, String href) {

    public static DocumentView of(AgreementDocument d) {
        return new DocumentView(d.id, d.language, d.fileName, d.mediaType, d.size, d.sha256, d.uploadedBy, d.uploadedAt,
                "/api/agreements/" + d.agreementId + "/documents/" + d.id);
    }
}
