package club.twinning.platform.paging;

import club.twinning.platform.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * Where a keyset page starts: the last row's sort key and id, given out as URL-safe base64 of "key\nid". Whatever a
 * client sends back that this did not give out (cut, edited, another list's key) is a 400 naming {@code cursor}.
 */
public record Cursor(String key, UUID id) {

    /** The query parameter a cursor travels in. */
    public static final String PARAMETER = "cursor";

    public Cursor {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(id, "id");
    }

    /** After a row whose sort key is {@code key} (its {@code toString}). */
    public static Cursor after(Object key, UUID id) {
        return new Cursor(String.valueOf(key), id);
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((key + "\n" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client sent back; null if it sent none (the first page). */
    public static Cursor decode(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(value.trim()), StandardCharsets.UTF_8).split("\n", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("no id");
            }
            UUID id = UUID.fromString(parts[1]);
            if (!id.toString().equals(parts[1])) {
                throw new IllegalArgumentException("not an id we write"); // UUID.fromString reads a cut one too
            }
            return new Cursor(parts[0], id);
        } catch (IllegalArgumentException e) {
            throw refused();
        }
    }

    /** The sort key read as the list's type (an Instant, a LocalDate…); a key that does not read is a 400 too. */
    public <K> K key(Function<String, K> read) {
        try {
            return read.apply(key);
        } catch (RuntimeException e) {
            throw refused();
        }
    }

    private static ProblemException refused() {
        return ProblemException.badField(PARAMETER, "not a cursor this list gave out");
    }
}
