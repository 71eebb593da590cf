package club.twinning.registry.api;

import club.twinning.registry.service.ExpectedVersion;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads an If-Match header as the version the writer expects; the services never see the header. */
final class IfMatch {

    private static final Pattern VERSION = Pattern.compile("\"(0|[1-9][0-9]{0,17})\"");

    private IfMatch() {
    }

    static ExpectedVersion expected(String header) {
        if (header == null || header.isBlank()) {
            return ExpectedVersion.NONE;
        }
        String seen = header.trim().replaceFirst("^W/", "");
        if (seen.equals("*")) {
            return ExpectedVersion.ANY;
        }
        Matcher version = VERSION.matcher(seen);
        return version.matches() ? ExpectedVersion.of(Long.parseLong(version.group(1))) : ExpectedVersion.unknown(seen);
    }
}
