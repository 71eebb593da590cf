package club.twinning.portal.i18n;

import club.twinning.portal.client.RegistryApi;
import club.twinning.portal.web.Viewer;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Party names for the codes the services return, in the viewer's language, from the registry (read once per page,
 * with the person's token): {inject:names.party(r.requestingParty)}. A party the registry does not answer for keeps
 * its code, so a page never fails for a name. Countries by the JDK's names for the locale.
 */
@Named("names")
@RequestScoped
public class Names {

    private static final Logger LOG = Logger.getLogger(Names.class);

    private final RegistryApi registry;
    private final Language language;
    private Map<String, String> parties;

    Names(@RestClient RegistryApi registry, Viewer viewer) {
        this.registry = registry;
        this.language = viewer.language();
    }

    public String party(Object code) {
        if (code == null) {
            return "";
        }
        return parties().getOrDefault(code.toString(), code.toString());
    }

    public String country(Object code) {
        if (code == null || code.toString().length() != 2) {
            return code == null ? "" : code.toString();
        }
        String name = new Locale("", code.toString()).getDisplayCountry(language.locale());
        return name.isBlank() ? code.toString() : name;
    }

    private Map<String, String> parties() {
        if (parties == null) {
            parties = new HashMap<>();
            try {
                for (JsonNode party : registry.parties()) {
                    parties.put(party.path("code").asText(), nameOf(party));
                }
            } catch (RuntimeException e) {
                LOG.debugf("party names unavailable, codes shown (%s)", e.getMessage());
            }
        }
        return parties;
    }

    private String nameOf(JsonNode party) {
        String preferred = switch (language) {
            case AR -> "nameAr";
            case EN -> "nameEn";
            default -> "nameFr";
        };
        for (String field : new String[] {preferred, "nameFr", "nameEn", "nameAr"}) {
            String name = party.path(field).asText("");
            if (!name.isBlank()) {
                return name;
            }
        }
        return party.path("code").asText();
    }
}
