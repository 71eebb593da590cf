package club.twinning.exchange.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What a partner asks for when it submits (or resubmits) a request: the command the service takes, already
 * well-formed; the rules that need the register or the clock are the service's.
 */
public record RequestDraft(String partnerParty, UUID agreementId, String domain, String title, String need, String offer,
                           Direction direction, LocalDate windowStart, LocalDate windowEnd, int participants,
                           String language) {
}
