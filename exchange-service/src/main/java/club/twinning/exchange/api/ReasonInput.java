package club.twinning.exchange.api;

import jakarta.validation.constraints.Size;

/** Why: for a withdrawal or a cancellation. */
public record ReasonInput(@Size(max = 2000) String reason) {
}
