package club.twinning.platform.state;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.UUID;

/**
 * A row of a step log: who moved what, when and why. Each service's log (agreement, request, visit) extends it with
 * the id of what moved and its own from/to status columns, which stay typed by that thing's status enum.
 */
@MappedSuperclass
public abstract class StepRecord extends PanacheEntityBase {

    @Id
    public UUID id;
    public String actor;
    public String reason;
    public Instant at;

    /** Fills the columns every step log has from {@code step}; the subclass sets its own id and statuses. */
    protected void record(Step<?> step) {
        id = UUID.randomUUID();
        actor = step.actor();
        reason = step.reason();
        at = step.at();
    }
}
