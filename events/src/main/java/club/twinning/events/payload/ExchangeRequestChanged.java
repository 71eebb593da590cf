package club.twinning.events.payload;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A step in an exchange request's life: submitted, vote cast, decided, changes requested, withdrawn,
 * escalated. {@code voter}/{@code vote} are set for a vote; {@code reason} where the step has one.
 */
public record ExchangeRequestChanged(
        UUID requestId,
        String requestingParty,
        String partnerParty,
        UUID agreementId,
        String domain,
        String title,
        String status,
        LocalDate windowStart,
        LocalDate windowEnd,
        String actor,
        String reason,
        String voter,
        String vote,
        Tally tally,
        Instant at,
        long version) {
}
