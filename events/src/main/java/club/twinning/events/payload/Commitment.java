package club.twinning.events.payload;

import java.time.LocalDate;
import java.util.UUID;

/** A commitment of an agreement, as carried in agreement events. Status: OPEN, DONE, DROPPED. */
public record Commitment(UUID id, String text, String owningParty, LocalDate dueDate, String status) {
}
