package club.twinning.platform.state;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.MappedSuperclass;

/**
 * A step-log row with its from and to statuses (columns {@code from_status}, {@code to_status}, by name), typed by the
 * thing's status enum: a service's log (agreement, request, visit) adds only the id of what moved.
 */
@MappedSuperclass
public abstract class StatusStepRecord<S extends Enum<S> & Lifecycle<S>> extends StepRecord {

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public S from;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public S to;

    /** Fills every column from {@code step}; the subclass sets the id of what moved. */
    protected void log(Step<S> step) {
        record(step);
        from = step.from();
        to = step.to();
    }
}
