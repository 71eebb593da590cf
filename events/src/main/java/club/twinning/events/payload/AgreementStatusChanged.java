package club.twinning.events.payload;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An agreement moved from one lifecycle status to another. */
public record AgreementStatusChanged(
        UUID agreementId,
        String reference,
        String type,
        List<String> partyCodes,
        List<String> domains,
        String from,
        String to,
        LocalDate expiresOn,
        String actor,
        String reason,
        Instant at,
        long version) {
}
