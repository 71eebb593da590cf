package club.twinning.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * The cooperation domains, one taxonomy for the registry (agreements, party expertise) and the exchange
 * (requests, matching). Events and APIs carry the {@link #code()}; the names are in words_{fr,ar,en}.properties.
 */
public enum CooperationDomain {
    CULTURE("culture"),
    YOUTH("youth"),
    HERITAGE("heritage"),
    ACADEMIC_RESEARCH("academic-research"),
    PUBLIC_SERVICES("public-services"),
    DESERT_LAND_MANAGEMENT("desert-land-management"),
    TRADE("trade"),
    TOURISM("tourism"),
    SUSTAINABLE_DEVELOPMENT("sustainable-development"),
    ECOLOGICAL_TRANSITION("ecological-transition"),
    SOCIAL_COHESION("social-cohesion"),
    LOCAL_GOVERNANCE("local-governance"),
    TRAINING("training");

    private final String code;

    CooperationDomain(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The name in fr, ar or en (French for any other language), from the platform's {@link Words}. */
    public String label(String language) {
        return Words.of(language).domain(code);
    }

    public static Optional<CooperationDomain> of(String code) {
        return Arrays.stream(values()).filter(d -> d.code.equals(code)).findFirst();
    }
}
