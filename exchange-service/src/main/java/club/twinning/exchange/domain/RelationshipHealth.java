package club.twinning.exchange.domain;

import java.util.List;
import java.util.UUID;

/** How a twinning is doing: grade A (lively) to D (dormant), with the reasons. */
public record RelationshipHealth(String partyA, String partyB, UUID agreementId, String reference,
                                 Long daysSinceLastVisit, int openCommitments, int overdueCommitments,
                                 long requestsLastYear, String grade, List<String> reasons) {
}
