package club.twinning.events.payload;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The notice period before an agreement's expiry opened: renew, renegotiate or let it expire. */
public record RenewalDue(
        UUID agreementId,
        String reference,
        List<String> partyCodes,
        LocalDate expiresOn,
        LocalDate noticeOpenedOn,
        boolean tacitRenewal) {
}
