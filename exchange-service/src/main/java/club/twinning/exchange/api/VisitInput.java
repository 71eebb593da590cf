package club.twinning.exchange.api;

import club.twinning.exchange.domain.Visit;
import club.twinning.exchange.domain.VisitPlan;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** The visit planned for an approved request: dates inside its window, the delegation, the agenda. */
public record VisitInput(
        @NotNull UUID requestId,
        @NotNull LocalDate startDate,
        @NotNull LocalDate endDate,
        @NotNull @Size(min = 1, max = 50, message = "a delegation of 1 to 50 people") List<@Valid @NotNull Delegate> delegation,
        @Size(max = 200) List<@Valid @NotNull AgendaItem> agenda,
        @Size(max = 5000) String logistics) {

    public VisitPlan toPlan() {
        return new VisitPlan(requestId, startDate, endDate,
                delegation.stream().map(d -> new Visit.Delegate(d.name(), d.role(), d.email())).toList(),
                Objects.requireNonNullElse(agenda, List.<AgendaItem>of()).stream()
                        .map(a -> new Visit.AgendaItem(a.day(), a.time(), a.topic(), a.place())).toList(),
                logistics);
    }

    public record Delegate(@NotBlank @Size(max = 200) String name, @Size(max = 200) String role,
                           @Email @Size(max = 320) String email) {
    }

    public record AgendaItem(@NotNull LocalDate day,
                             @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]", message = "HH:MM") String time,
                             @NotBlank @Size(max = 500) String topic, @Size(max = 200) String place) {
    }
}
