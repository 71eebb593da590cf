package club.twinning.exchange.domain;

import club.twinning.platform.problem.ProblemException;

/**
 * The version a change was made against (optimistic locking): {@code given} false when the caller named none,
 * {@code any} for a change against whatever is current. The HTTP layer makes one from If-Match.
 */
public record ExpectedVersion(boolean given, boolean any, long version) {

    public static final ExpectedVersion NONE = new ExpectedVersion(false, false, -1);
    public static final ExpectedVersion ANY = new ExpectedVersion(true, true, -1);

    public static ExpectedVersion of(long version) {
        return new ExpectedVersion(true, false, version);
    }

    /** 428 when none was named, 412 when the thing changed since; both say which version is current. */
    public void check(long current) {
        String etag = "\"" + current + "\"";
        if (!given) {
            throw new ProblemException(428, "precondition-required", "If-Match required",
                    "send the ETag of the version you read as If-Match, so that no change is overwritten unseen")
                    .with("currentEtag", etag);
        }
        if (!any && version != current) {
            throw new ProblemException(412, "stale-version", "Changed since you read it",
                    "this resource changed since version \"" + version + "\"; read it again and reapply your change")
                    .with("currentEtag", etag);
        }
    }
}
