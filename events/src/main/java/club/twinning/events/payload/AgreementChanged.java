package club.twinning.events.payload;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An agreement was created or its content changed (not its status: see {@link AgreementStatusChanged}). */
public record AgreementChanged(
        UUID agreementId,
        String reference,
        /** TWINNING, MOU, COOPERATION_AGREEMENT, FRIENDSHIP_PACT. */
        String type,
        String status,
        String titleFr,
        String titleAr,
        String titleEn,
        List<String> partyCodes,
        List<String> domains,
        LocalDate signedOn,
        LocalDate effectiveFrom,
        LocalDate expiresOn,
        List<Commitment> commitments,
        String actor,
        long version) {
}
