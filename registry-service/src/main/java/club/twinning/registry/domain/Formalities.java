package club.twinning.registry.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The administrative steps before an agreement takes effect: the council's deliberation, then submission to and
 * approval by the supervisory authority, each with its evidence (a document of the agreement, a reference); or the
 * secretariat's waiver of what was missing, with its reason.
 */
public record Formalities(String councilDeliberationNumber, LocalDate councilDeliberationDate,
                          LocalDate submittedToAuthorityOn, LocalDate approvedByAuthorityOn,
                          String authorityApprovalReference, List<Evidence> evidence, Waiver waiver) {

    public record Evidence(String step, String description, String documentId) {
    }

    /** What the secretariat let the agreement take effect without, why, who and when. */
    public record Waiver(List<String> waived, String reason, String by, Instant at) {
    }

    /** One item of the checklist that is not met: the field that would meet it, and why it is needed. */
    public record Gap(String field, String message) {
    }

    public static Formalities none() {
        return new Formalities(null, null, null, null, null, List.of(), null);
    }

    /**
     * The checklist for the parties of an agreement. A Moroccan commune (country MA, a municipality) acts on a
     * deliberation of its council, and the agreement needs the approval of the supervisory authority; other parties
     * have no formality the register knows of.
     */
    public List<Gap> missingFor(List<Party> parties) {
        List<String> communes = parties.stream().filter(Formalities::isMoroccanCommune).map(p -> p.code).toList();
        List<Gap> gaps = new ArrayList<>();
        if (communes.isEmpty()) {
            return gaps;
        }
        String who = "required for a Moroccan commune (" + String.join(", ", communes) + "): ";
        if (blank(councilDeliberationNumber)) {
            gaps.add(new Gap("formalities.councilDeliberationNumber", who + "the number of the council's deliberation"));
        }
        if (councilDeliberationDate == null) {
            gaps.add(new Gap("formalities.councilDeliberationDate", who + "the date of the council's deliberation"));
        }
        if (blank(authorityApprovalReference)) {
            gaps.add(new Gap("formalities.authorityApprovalReference",
                    who + "the reference of the supervisory authority's approval"));
        }
        return gaps;
    }

    public static boolean isMoroccanCommune(Party party) {
        return "MA".equalsIgnoreCase(party.country) && PartyKind.MUNICIPALITY.name().equals(party.kind);
    }

    public Formalities withWaiver(Waiver waiver) {
        return new Formalities(councilDeliberationNumber, councilDeliberationDate, submittedToAuthorityOn,
                approvedByAuthorityOn, authorityApprovalReference, evidence, waiver);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
