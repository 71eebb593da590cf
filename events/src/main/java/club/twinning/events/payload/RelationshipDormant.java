package club.twinning.events.payload;

import java.util.List;
import java.util.UUID;

/** A twinning with an agreement in force fell below the health threshold. Emitted once per fall. */
public record RelationshipDormant(
        String partyA,
        String partyB,
        UUID agreementId,
        Long daysSinceLastVisit,
        String grade,
        List<String> reasons) {
}
