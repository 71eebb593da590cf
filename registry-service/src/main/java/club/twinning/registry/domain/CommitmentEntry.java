package club.twinning.registry.domain;

import java.time.LocalDate;
import java.util.UUID;

/** What a party undertook to do, by when; {@code dueAnnouncedOn} keeps the due event from repeating. */
public record CommitmentEntry(UUID id, String text, String owningParty, LocalDate dueDate, String status,
                              LocalDate dueAnnouncedOn) {

    public static final String OPEN = "OPEN";

    public CommitmentEntry announced(LocalDate on) {
        return new CommitmentEntry(id, text, owningParty, dueDate, status, on);
    }
}
