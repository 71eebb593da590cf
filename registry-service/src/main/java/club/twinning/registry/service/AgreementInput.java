package club.twinning.registry.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** An agreement as the secretariat records it; its status moves only through transitions. */
public record AgreementInput(
        @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9/._-]*", message = "letters, digits and / . _ -")
        String reference,
        @NotNull @Pattern(regexp = "TWINNING|MOU|COOPERATION_AGREEMENT|FRIENDSHIP_PACT",
                message = "one of TWINNING, MOU, COOPERATION_AGREEMENT, FRIENDSHIP_PACT") String type,
        @Size(max = 500) String titleFr,
        @Size(max = 500) String titleAr,
        @Size(max = 500) String titleEn,
        @Size(max = 10000) String summaryFr,
        @Size(max = 10000) String summaryAr,
        @Size(max = 10000) String summaryEn,
        @NotNull @Size(min = 2, max = 50, message = "an agreement binds 2 to 50 parties") List<@NotBlank String> parties,
        @Size(max = 50) List<@Valid @NotNull SignatoryInput> signatories,
        @Size(max = 50) List<@Valid @NotNull WitnessInput> witnesses,
        @Size(max = 200) String place,
        LocalDate signedOn,
        @Size(max = 500) String occasion,
        @Size(max = 13) List<@NotBlank String> domains,
        @Size(max = 200) List<@Valid @NotNull CommitmentInput> commitments,
        LocalDate effectiveFrom,
        LocalDate expiresOn,
        Boolean tacitRenewal,
        @Min(1) @Max(240) Integer renewalTermMonths,
        @Min(0) @Max(3650) Integer noticeDays,
        // Why the text changes: required once the agreement is signed, when its previous text is kept as a revision.
        @Size(max = 2000) String reason) {

    public record SignatoryInput(@NotBlank @Size(max = 200) String name, @Size(max = 200) String title,
                                 @NotBlank String partyCode) {
    }

    public record WitnessInput(@NotBlank @Size(max = 200) String name, @Size(max = 200) String title,
                               @Size(max = 200) String organisation) {
    }

    public record CommitmentInput(@NotBlank @Size(max = 2000) String text, String owningParty, LocalDate dueDate,
                                  @Pattern(regexp = "OPEN|DONE|DROPPED", message = "OPEN, DONE or DROPPED") String status) {
    }
}
