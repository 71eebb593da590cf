package club.twinning.registry.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * Move an agreement to {@code to}, saying why. The evidence a move needs may come with it and is then recorded on the
 * agreement: signing (date, place, signatories) with a move to SIGNED; the date of effect, the formalities and, failing
 * those, the secretariat's waiver with its reason, with a move to IN_FORCE.
 */
public record TransitionInput(
        @NotBlank String to,
        @NotBlank @Size(max = 2000) String reason,
        LocalDate signedOn,
        @Size(max = 200) String place,
        @Size(max = 50) List<AgreementInput.@Valid @NotNull SignatoryInput> signatories,
        LocalDate effectiveFrom,
        @Valid FormalitiesInput formalities,
        @Size(max = 2000) String formalitiesWaiver) {

    /** Just a move, with no evidence. */
    public TransitionInput(String to, String reason) {
        this(to, reason, null, null, null, null, null, null);
    }
}
