package club.twinning.registry.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** The formalities as the secretariat records them (a waiver is given with the move to IN_FORCE, never here). */
public record FormalitiesInput(
        @Size(max = 100) String councilDeliberationNumber,
        LocalDate councilDeliberationDate,
        LocalDate submittedToAuthorityOn,
        LocalDate approvedByAuthorityOn,
        @Size(max = 200) String authorityApprovalReference,
        @Size(max = 50) List<@Valid @NotNull EvidenceInput> evidence) {

    public record EvidenceInput(@NotBlank @Size(max = 100) String step, @Size(max = 2000) String description,
                                @Size(max = 100) String documentId) {
    }
}
