package club.twinning.registry.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * The administrative steps before signing: the council's deliberation, then submission to and approval
 * by the supervisory authority, each with its evidence (a document of the agreement, a reference).
 */
public record Formalities(String councilDeliberationNumber, LocalDate councilDeliberationDate,
                          LocalDate submittedToAuthorityOn, LocalDate approvedByAuthorityOn, List<Evidence> evidence) {

    public record Evidence(String step, String description, String documentId) {
    }

    public static Formalities none() {
        return new Formalities(null, null, null, null, List.of());
    }

    /** The steps still missing, by name. */
    public List<String> missing() {
        List<String> missing = new java.util.ArrayList<>();
        if (councilDeliberationNumber == null || councilDeliberationDate == null) {
            missing.add("councilDeliberation");
        }
        if (submittedToAuthorityOn == null) {
            missing.add("submittedToAuthority");
        }
        if (approvedByAuthorityOn == null) {
            missing.add("approvedByAuthority");
        }
        return missing;
    }
}
