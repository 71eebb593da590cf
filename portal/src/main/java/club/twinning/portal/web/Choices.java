package club.twinning.portal.web;

import io.quarkus.qute.TemplateGlobal;
import java.util.List;

/** The fixed choices forms and filters offer, as the services spell them. */
@TemplateGlobal
public final class Choices {

    static final List<String> requestStatuses = List.of("SUBMITTED", "UNDER_REVIEW", "APPROVED", "REJECTED",
            "CHANGES_REQUESTED", "WITHDRAWN", "SCHEDULED", "COMPLETED", "ON_HOLD", "CLOSED");
    static final List<String> agreementStatuses = List.of("DRAFT", "NEGOTIATION", "PENDING_FORMALITIES", "SIGNED",
            "IN_FORCE", "SUSPENDED", "TERMINATED", "EXPIRED");
    static final List<String> agreementTypes = List.of("TWINNING", "MOU", "COOPERATION_AGREEMENT", "FRIENDSHIP_PACT");
    static final List<String> partyKinds = List.of("MUNICIPALITY", "ASSOCIATION", "INTERNATIONAL_ORGANISATION", "OTHER");
    static final List<String> deliveryStatuses = List.of("PENDING", "RETRYING", "SENT", "FAILED");
    static final List<String> directions = List.of("THEY_VISIT_US", "WE_VISIT_THEM");
    static final List<String> voteChoices = List.of("APPROVE", "REJECT", "ABSTAIN", "REQUEST_CHANGES");
    static final List<String> languageCodes = List.of("fr", "ar", "en");

    private Choices() {
    }
}
