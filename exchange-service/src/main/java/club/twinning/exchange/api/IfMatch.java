package club.twinning.exchange.api;

import club.twinning.exchange.domain.ExpectedVersion;

/** If-Match as the version a change is made against: ETags here are the version in quotes (weak or strong). */
final class IfMatch {

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
        try {
            return ExpectedVersion.of(Long.parseLong(seen.replace("\"", "")));
        } catch (NumberFormatException e) {
            return ExpectedVersion.of(Long.MIN_VALUE); // never current: answered 412 with the current ETag
        }
    }
}
