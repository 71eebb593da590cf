package club.twinning.registry.service;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A contact of a party. Channels: "email", "webhook" (the webhook needs its https URL). */
public record ContactInput(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 200) String title,
        @NotBlank @Email @Size(max = 320) String email,
        @Size(max = 40) @Pattern(regexp = "[+0-9 ().-]*", message = "digits, spaces and + ( ) . - only") String phone,
        @Pattern(regexp = "fr|ar|en", message = "fr, ar or en") String language,
        @Size(max = 2) List<@Pattern(regexp = "email|webhook", message = "email or webhook") String> channels,
        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "an http(s) URL") String webhookUrl,
        Boolean councilMember,
        Boolean active) {
}
