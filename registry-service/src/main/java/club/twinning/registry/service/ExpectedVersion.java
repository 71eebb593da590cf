package club.twinning.registry.service;

import club.twinning.platform.problem.Preconditions;

/**
 * The version a writer last read, which a change must still find (optimistic locking): the api reads it from
 * If-Match. {@code seen} is how the writer named it, for the refusal's message.
 */
public record ExpectedVersion(Long version, String seen) {

    /** The writer named none: refused (428), so that no change overwrites another unseen. */
    public static final ExpectedVersion NONE = new ExpectedVersion(null, null);
    /** Whatever the current version is ("*"). */
    public static final ExpectedVersion ANY = new ExpectedVersion(null, "*");

    public static ExpectedVersion of(long version) {
        return new ExpectedVersion(version, Preconditions.etag(version));
    }

    /** A tag that names no version of ours: it matches none. */
    public static ExpectedVersion unknown(String seen) {
        return new ExpectedVersion(null, seen);
    }

    /** 428 when none was named, 412 when the record has moved on since; the one check every service shares. */
    public void require(long current) {
        Preconditions.requireMatch(seen, current);
    }
}
