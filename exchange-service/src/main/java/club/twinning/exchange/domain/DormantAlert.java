package club.twinning.exchange.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A relationship announced as dormant; removed when it recovers, so that the next fall is announced again. */
@Entity
@IdClass(DormantAlert.Key.class)
public class DormantAlert extends PanacheEntityBase {

    /** The composite key. */
    public static class Key implements Serializable {
    public String partyA;
    public String partyB;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(partyA, k.partyA) && java.util.Objects.equals(partyB, k.partyB);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(partyA, partyB);
        }
    }

    @Id
    @Column(name = "party_a")
    public String partyA;
    @Id
    @Column(name = "party_b")
    public String partyB;
    public UUID agreementId;
    public Instant announcedAt;
}
