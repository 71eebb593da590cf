package club.twinning.platform.problem;

/**
 * Optimistic locking over HTTP, the same in every service: reads carry the version as ETag, writes must send it back
 * as If-Match (428 without, 412 when someone changed the resource since).
 */
public final class Preconditions {

    private Preconditions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    public static void requireMatch(String ifMatch, long version) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "precondition-required", "If-Match required",
                    "send the ETag of the version you read as If-Match, so that no change is overwritten unseen")
                    .with("currentEtag", etag(version));
        }
        String seen = ifMatch.trim().replaceFirst("^W/", "");
        if (!seen.equals(etag(version)) && !seen.equals("*")) {
            throw new ProblemException(412, "stale-version", "Changed since you read it",
                    "this resource changed since version " + seen + "; read it again and reapply your change")
                    .with("currentEtag", etag(version));
        }
    }
}
