package club.twinning.platform;

import club.twinning.events.EventType;
import club.twinning.events.payload.PartyChanged;
import club.twinning.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

@ApplicationScoped
@Transactional
public class NoteService {

    private final Outbox outbox;

    public NoteService(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Saves a note and announces it; {@code failAfterAppend} rolls both back. */
    public void save(String id, String text, long version, boolean failAfterAppend) {
        Note note = Note.findById(id);
        if (note == null) {
            note = new Note();
            note.id = id;
            note.text = text;
            note.persist();
        }
        note.text = text;
        outbox.append(EventType.PARTY_UPDATED, "note", id,
                new PartyChanged(id, "MUNICIPALITY", text, null, null, "MA", null, null, null, "Africa/Casablanca", "fr",
                        java.util.List.of(), version));
        if (failAfterAppend) {
            throw new IllegalStateException("rolled back on purpose");
        }
    }

    /** Announces a version of a note without storing it (a text longer than the note table takes). */
    public void announce(String id, String text, long version) {
        outbox.append(EventType.PARTY_UPDATED, "note", id,
                new PartyChanged(id, "MUNICIPALITY", text, null, null, "MA", null, null, null, "Africa/Casablanca", "fr",
                        java.util.List.of(), version));
    }
}
