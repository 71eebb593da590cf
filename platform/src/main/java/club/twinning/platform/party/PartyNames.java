package club.twinning.platform.party;

import java.util.Locale;

/**
 * A party's names in the register's three languages, and the one rule for showing it to a reader: the name in the
 * reader's language, else French, English, Arabic (the first the register has), else its code. A blank name counts
 * as none.
 */
public record PartyNames(String code, String fr, String ar, String en) {

    /** The name to show a reader of {@code language} (fr, ar or en; anything else reads French first). */
    public String in(String language) {
        String preferred = switch (language == null ? "fr" : language.toLowerCase(Locale.ROOT)) {
            case "ar" -> ar;
            case "en" -> en;
            default -> fr;
        };
        for (String name : new String[] {preferred, fr, en, ar}) {
            if (name != null && !name.isBlank()) {
                return name;
            }
        }
        return code;
    }
}
