package club.twinning.notification.messaging;

import club.twinning.events.EventType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/**
 * An event's JSON data bound to the {@code events} record of its type ({@link EventType#payload()}), never read field
 * by field. Version 1 is the only one this service reads: a {@code dataschema} of
 * {@code https://twinning.club/events/v1/<type>}, or none. Fields a later minor version adds are ignored; fields an
 * older producer did not send yet are null.
 */
public final class EventData {

    public static final String SCHEMA_BASE = "https://twinning.club/events/";
    static final String VERSION = "v1";

    private EventData() {
    }

    /** True for a {@code dataschema} this service reads (absent means version 1). */
    public static boolean readable(EventType type, Optional<URI> dataschema) {
        return dataschema.isEmpty() || dataschema.get().toString().equals(SCHEMA_BASE + VERSION + "/" + type.type());
    }

    /**
     * The data as its type's record; an {@link Unreadable} when it does not bind to it, or lacks the record's first
     * field (the id of what the event is about: without it nothing can be done with the event).
     */
    public static Record read(ObjectMapper json, EventType type, String data) throws Unreadable {
        Record payload;
        try {
            payload = json.readValue(data, type.payload());
        } catch (IOException | IllegalArgumentException e) {
            throw new Unreadable(type.type() + " data does not bind to " + type.payload().getSimpleName() + ": " + e.getMessage(), e);
        }
        if (payload == null) {
            throw new Unreadable(type.type() + " data is null", null);
        }
        var key = type.payload().getRecordComponents()[0];
        try {
            if (key.getAccessor().invoke(payload) == null) {
                throw new Unreadable(type.type() + " data has no " + key.getName(), null);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return payload;
    }

    /** The data as this record, for code that already knows the type. */
    public static <T extends Record> T read(ObjectMapper json, EventType type, String data, Class<T> as) throws Unreadable {
        return as.cast(read(json, type, data));
    }

    /** An event whose data cannot be read: the consumer dead-letters it. */
    public static final class Unreadable extends IOException {
        Unreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
