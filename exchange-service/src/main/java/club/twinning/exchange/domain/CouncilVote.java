package club.twinning.exchange.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One council member's current vote on a request (changeable until the decision). */
@Entity
@IdClass(CouncilVote.Key.class)
public class CouncilVote extends PanacheEntityBase {

    /** The composite key. */
    public static class Key implements Serializable {
        public UUID requestId;
        public String voter;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(requestId, k.requestId) && java.util.Objects.equals(voter, k.voter);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(requestId, voter);
        }
    }

    @Id
    public UUID requestId;
    @Id
    public String voter;
    @Enumerated(EnumType.STRING)
    public VoteChoice choice;
    public String reason;
    public Instant castAt;

    public static List<CouncilVote> of(UUID requestId) {
        return list("requestId = ?1 order by castAt", requestId);
    }
}
