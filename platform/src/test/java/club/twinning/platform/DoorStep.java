package club.twinning.platform;

import club.twinning.platform.state.StatusStepRecord;
import club.twinning.platform.state.Step;
import jakarta.persistence.Entity;
import java.util.List;

/** A step log written as the services write theirs: StatusStepRecord plus the id of what moved. */
@Entity
public class DoorStep extends StatusStepRecord<DoorStatus> {

    public String doorId;

    public static DoorStep of(String doorId, Step<DoorStatus> step) {
        DoorStep row = new DoorStep();
        row.log(step);
        row.doorId = doorId;
        return row;
    }

    public static List<DoorStep> logOf(String doorId) {
        return list("doorId = ?1 order by at", doorId);
    }
}
