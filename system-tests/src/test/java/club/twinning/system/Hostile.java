package club.twinning.system;

import java.util.List;
import java.util.Random;

/** Values an attacker or a broken client sends: each of them must be refused or stored as plain text, never crash. */
final class Hostile {

    static final List<String> STRINGS = List.of(
            "'; DROP TABLE agreement; --", "\" OR 1=1 --", "1' UNION SELECT password FROM pg_shadow --",
            "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "{{7*7}}", "${jndi:ldap://x.invalid/a}",
            "../../../../etc/passwd", "%00", "\u0000", "nul\u0000inside", "\u202Eevil\u202C", "\u200B\u200D\uFEFF",
            "👩‍👩‍👧‍👦🇲🇦", "Z̸̢̧a̵̡l̶g̴o̷", "العيون", "\uD800", "\uDFFF\uD800", "\r\nX-Injected: yes", "\t\n\r",
            " ", "null", "true", "0", "-1", "NaN", "Infinity", "1e400", "{}", "[]");

    private Hostile() {
    }

    static String string(Random random) {
        return STRINGS.get(random.nextInt(STRINGS.size()));
    }

    /** Longer than any field accepts. */
    static String huge(Random random) {
        return "A".repeat(10_001 + random.nextInt(100_000));
    }
}
