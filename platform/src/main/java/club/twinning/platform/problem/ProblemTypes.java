package club.twinning.platform.problem;

import java.net.URI;

/** Problem {@code type} URIs: stable identifiers a client can switch on, documented in the README. */
public final class ProblemTypes {
    private static final String BASE = "urn:twinning:problem:";

    private ProblemTypes() {
    }

    public static URI uri(String slug) {
        return URI.create(BASE + slug);
    }
}
