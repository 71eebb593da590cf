package club.twinning.events.payload;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An agreement moved from one lifecycle status to another; {@code from} is null when it was created. */
public record AgreementStatusChanged(
        UUID agreementId,
        String reference,
        String kind,
        List<String> partyCodes,
        String from,
        String to,
        LocalDate validUntil,
        String actor,
        String reason,
        Instant at,
        long version) {
}
