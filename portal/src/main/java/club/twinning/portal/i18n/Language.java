package club.twinning.portal.i18n;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The three languages of the club; Arabic is written right to left. */
public enum Language {
    FR("Français"), AR("العربية"), EN("English");

    private final String nativeName;

    Language(String nativeName) {
        this.nativeName = nativeName;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String nativeName() {
        return nativeName;
    }

    public String dir() {
        return this == AR ? "rtl" : "ltr";
    }

    public Locale locale() {
        return Locale.forLanguageTag(code());
    }

    public static Optional<Language> of(String code) {
        return Arrays.stream(values()).filter(l -> l.code().equalsIgnoreCase(code)).findFirst();
    }
}
