package club.twinning.registry.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Move an agreement to {@code to}, saying why. */
public record TransitionInput(@NotBlank String to, @NotBlank @Size(max = 2000) String reason) {
}
