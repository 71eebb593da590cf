package club.twinning.exchange.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One vote a council member cast on a request. A changed vote is a new entry: the earlier one is kept with the
 * time it was superseded (so is every vote of a round that a resubmission ended). Only current votes count.
 */
@Entity
public class CouncilVote extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID requestId;
    public String voter;
    @Enumerated(EnumType.STRING)
    public VoteChoice choice;
    public String reason;
    public Instant castAt;
    public Instant supersededAt;

    /** Every vote on the request, superseded ones included, in the order they were cast. */
    public static List<CouncilVote> of(UUID requestId) {
        return list("requestId = ?1 order by castAt, id", requestId);
    }

    /** The latest vote of each member in the current round: what the tally counts. */
    public static List<CouncilVote> current(UUID requestId) {
        return list("requestId = ?1 and supersededAt is null order by castAt, id", requestId);
    }
}
