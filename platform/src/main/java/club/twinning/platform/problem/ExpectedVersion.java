package club.twinning.platform.problem;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version a writer last read, which a change must still find (optimistic locking). Resources make one from
 * If-Match ({@link #fromIfMatch}); services only {@link #require} it, so they never see the header.
 * {@code seen} is how the writer named it, for the refusal's message.
 */
public record ExpectedVersion(Long version, String seen) {

    private static final Pattern VERSION = Pattern.compile("\"(0|[1-9][0-9]{0,17})\"");

    /** The writer named none: refused (428), so that no change overwrites another unseen. */
    public static final ExpectedVersion NONE = new ExpectedVersion(null, null);
    /** Whatever the current version is ("*"). */
    public static final ExpectedVersion ANY = new ExpectedVersion(null, "*");

    public static ExpectedVersion of(long version) {
        return new ExpectedVersion(version, Preconditions.etag(version));
    }

    /** If-Match as sent: ETags here are the version in quotes, weak or strong; a tag naming no version matches none. */
    public static ExpectedVersion fromIfMatch(String header) {
        if (header == null || header.isBlank()) {
            return NONE;
        }
        String seen = header.trim().replaceFirst("^W/", "");
        if (seen.equals("*")) {
            return ANY;
        }
        Matcher version = VERSION.matcher(seen);
        return version.matches() ? of(Long.parseLong(version.group(1))) : new ExpectedVersion(null, seen);
    }

    /** 428 when none was named, 412 when the record has moved on since; both name the current ETag. */
    public void require(long current) {
        Preconditions.requireMatch(seen, current);
    }
}
