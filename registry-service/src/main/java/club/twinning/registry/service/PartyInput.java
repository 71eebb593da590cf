package club.twinning.registry.service;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A party as the secretariat records it. */
public record PartyInput(
        @NotBlank @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "a lower-case slug such as es-semara")
        @Size(max = 64) String code,
        @NotNull @Pattern(regexp = "MUNICIPALITY|ASSOCIATION|INTERNATIONAL_ORGANISATION|OTHER",
                message = "one of MUNICIPALITY, ASSOCIATION, INTERNATIONAL_ORGANISATION, OTHER") String kind,
        @Size(max = 200) String nameFr,
        @Size(max = 200) String nameAr,
        @Size(max = 200) String nameEn,
        @Pattern(regexp = "[A-Z]{2}", message = "an ISO 3166-1 alpha-2 code such as MA") String country,
        @Size(max = 200) String region,
        @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @DecimalMin("-180") @DecimalMax("180") Double longitude,
        @Size(max = 64) String timeZone,
        @Pattern(regexp = "fr|ar|en", message = "fr, ar or en") String language,
        @Size(max = 13) List<@NotBlank String> expertiseDomains) {
}
