package club.twinning.exchange.api;

import club.twinning.exchange.domain.Direction;
import club.twinning.exchange.domain.RequestDraft;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An expertise request as a partner city submits it. The requesting party is never in the body: it is the
 * caller's own city. The agreement may be named; otherwise the one in force between the two is used.
 */
public record RequestInput(
        @NotBlank @Size(max = 64) String partnerParty,
        UUID agreementId,
        @NotBlank @Size(max = 64) String domain,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 5000) String need,
        @Size(max = 5000) String offer,
        @NotNull @Pattern(regexp = "WE_VISIT_THEM|THEY_VISIT_US", message = "WE_VISIT_THEM or THEY_VISIT_US") String direction,
        @NotNull @Valid Window window,
        @NotNull @Min(1) @Max(100) Integer participants,
        @NotNull @Pattern(regexp = "fr|ar|en", message = "fr, ar or en") String language) {

    public RequestDraft toDraft() {
        return new RequestDraft(partnerParty, agreementId, domain, title, need, offer, Direction.valueOf(direction),
                window.start(), window.end(), participants, language);
    }

    /** The proposed window: in the future, at most a year long. */
    public record Window(@NotNull LocalDate start, @NotNull LocalDate end) {
    }
}
