package club.twinning.events.payload;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A commitment of an agreement reached its due date and is still open. */
public record CommitmentDue(
        UUID agreementId,
        String reference,
        List<String> partyCodes,
        Commitment commitment,
        LocalDate dueDate) {
}
