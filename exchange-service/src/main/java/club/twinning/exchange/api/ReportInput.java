package club.twinning.exchange.api;

import club.twinning.exchange.domain.ReportDraft;
import club.twinning.exchange.domain.Visit;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** The visit report: what came of it, what was learnt, what follows (naming a commitment where one applies). */
public record ReportInput(
        @NotBlank @Size(max = 10000) String outcomes,
        @Size(max = 10000) String lessons,
        @Size(max = 100) List<@Valid @NotNull FollowUp> followUps,
        @Size(max = 200) List<@NotBlank @Size(max = 200) String> attendance) {

    public ReportDraft toDraft() {
        return new ReportDraft(outcomes, lessons, Objects.requireNonNullElse(followUps, List.<FollowUp>of()).stream()
                .map(f -> new Visit.FollowUp(f.action(), f.commitmentId())).toList(),
                Objects.requireNonNullElse(attendance, List.of()));
    }

    public record FollowUp(@NotBlank @Size(max = 2000) String action, UUID commitmentId) {
    }
}
