package club.twinning.notification.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** What a contact wants: event types (CloudEvents types; empty: all), channels (empty: all), immediate or daily. */
public record PreferenceInput(
        @Size(max = 30) List<@NotBlank String> eventTypes,
        @Size(max = 2) List<@Pattern(regexp = "EMAIL|WEBHOOK", message = "EMAIL or WEBHOOK") String> channels,
        @Pattern(regexp = "IMMEDIATE|DAILY", message = "IMMEDIATE or DAILY") String digest,
        @Min(0) @Max(23) Integer digestHour) {
}
