package club.twinning.platform;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;

/** The test application's API: a request that changes a note, which announces it through the outbox. */
@Path("/notes/{id}")
@PermitAll
public class NoteResource {

    private final NoteService notes;

    public NoteResource(NoteService notes) {
        this.notes = notes;
    }

    @PUT
    @Consumes(MediaType.TEXT_PLAIN)
    public void save(@PathParam("id") String id, String text) {
        notes.save(id, text, 1, false);
    }
}
