package club.twinning.portal.i18n;

import club.twinning.events.Words;
import club.twinning.portal.web.Viewer;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * Words for the codes the services return, in the viewer's language: {inject:labels.of(request.status)}. Statuses,
 * a city's role and domains are the platform's words (events' {@link Words}, which the emails read too), capitalised
 * as labels; the page-only words (vote choices, directions, channels, notices) are messages/labels_*.properties.
 * Unknown codes show as they are.
 */
@Named("labels")
@RequestScoped
public class Labels {

    private static final Map<Language, Properties> WORDS = new EnumMap<>(Language.class);

    static {
        for (Language language : Language.values()) {
            Properties words = new Properties();
            try (InputStream in = Labels.class.getResourceAsStream("/messages/labels_" + language.code() + ".properties")) {
                if (in != null) {
                    words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            WORDS.put(language, words);
        }
    }

    private final Language language;
    private final Words words;

    Labels(Viewer viewer) {
        this.language = viewer.language();
        this.words = Words.of(language.code());
    }

    /** A page word, else a status by its code alone (the first kind that has it: agreement, request, visit, delivery). */
    public String of(Object code) {
        if (code == null) {
            return "";
        }
        String page = WORDS.get(language).getProperty(code.toString());
        return page != null ? page : words.label(words.status(code.toString()));
    }

    /** A status of that kind, where the words differ by what they are about (a visit's COMPLETED is not a request's). */
    public String agreement(Object code) {
        return status(Words.Kind.AGREEMENT, code);
    }

    public String request(Object code) {
        return status(Words.Kind.REQUEST, code);
    }

    public String visit(Object code) {
        return status(Words.Kind.VISIT, code);
    }

    public String delivery(Object code) {
        return status(Words.Kind.DELIVERY, code);
    }

    /** A city's role: requesting, partner, host, visiting. */
    public String role(Object role) {
        return role == null ? "" : words.label(words.role(role.toString()));
    }

    public String domain(Object code) {
        return code == null ? "" : words.domain(code.toString());
    }

    private String status(Words.Kind kind, Object code) {
        return code == null ? "" : words.label(words.status(kind, code.toString()));
    }
}
