package club.twinning.exchange.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A council member's vote; REJECT and REQUEST_CHANGES need a reason. */
public record VoteInput(
        @NotNull @Pattern(regexp = "APPROVE|REJECT|ABSTAIN|REQUEST_CHANGES",
                message = "APPROVE, REJECT, ABSTAIN or REQUEST_CHANGES") String choice,
        @Size(max = 2000) String reason) {
}
