package club.twinning.portal.i18n;

import club.twinning.events.CooperationDomain;
import club.twinning.portal.web.Viewer;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * Words for the codes the services return (statuses, vote choices, directions, domains), in the viewer's
 * language: {inject:labels.of(request.status)}. Unknown codes show as they are.
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

    Labels(Viewer viewer) {
        this.language = viewer.language();
    }

    public String of(Object code) {
        if (code == null) {
            return "";
        }
        return WORDS.get(language).getProperty(code.toString(), code.toString());
    }

    public String domain(Object code) {
        return code == null ? "" : Arrays.stream(CooperationDomain.values())
                .filter(d -> d.code().equals(code.toString())).findFirst()
                .map(d -> d.label(language.code())).orElse(code.toString());
    }
}
