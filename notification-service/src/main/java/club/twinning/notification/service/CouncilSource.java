package club.twinning.notification.service;

import club.twinning.notification.config.CouncilConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads the holders of the council role from Keycloak's admin API, page by page, with this service's own token
 * (client credentials; its service account may view users and the realm's roles). Throws when Keycloak cannot say.
 */
@ApplicationScoped
public class CouncilSource {

    /** One holder of the role, as the directory keeps it. */
    public record Member(String userId, String username, String email, String name, String language) {
    }

    static final Set<String> LANGUAGES = Set.of("fr", "ar", "en");

    private final OidcClient oidc;
    private final CouncilConfig config;
    private final ObjectMapper json;
    private final HttpClient http;
    /** .../admin/realms/{realm}/roles/{role}/users */
    private final String roleUsers;
    private volatile Tokens tokens;

    CouncilSource(OidcClient oidc, CouncilConfig config, ObjectMapper json,
                  @ConfigProperty(name = "quarkus.oidc.auth-server-url") String authServer) {
        this.oidc = oidc;
        this.config = config;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
        int realms = authServer.lastIndexOf("/realms/");
        String base = config.keycloakUrl().orElse(realms < 0 ? authServer : authServer.substring(0, realms));
        String realm = config.realm().orElse(realms < 0 ? "twinning" : authServer.substring(realms + "/realms/".length()));
        this.roleUsers = base.replaceAll("/+$", "") + "/admin/realms/" + encode(realm.replaceAll("/+$", "")) + "/roles/"
                + encode(config.role()) + "/users";
    }

    /** Every enabled holder of the role (disabled users are nobody's council). */
    public List<Member> members() throws IOException, InterruptedException {
        // By id: a member added between two pages may shift another one onto the next page twice.
        Map<String, Member> members = new LinkedHashMap<>();
        for (int first = 0; ; first += config.pageSize()) {
            JsonNode page = page(first);
            page.forEach(user -> {
                if (user.path("enabled").asBoolean(true)) {
                    Member m = member(user);
                    members.put(m.userId(), m);
                }
            });
            if (page.size() < config.pageSize()) {
                return new ArrayList<>(members.values());
            }
        }
    }

    static Member member(JsonNode user) {
        String username = user.path("username").asText();
        String first = text(user.path("firstName"));
        String last = text(user.path("lastName"));
        String name = first == null && last == null ? username : ((first == null ? "" : first) + " " + (last == null ? "" : last)).trim();
        String locale = text(user.path("attributes").path("locale").path(0));
        return new Member(user.path("id").asText(), username, text(user.path("email")), name,
                locale != null && LANGUAGES.contains(locale) ? locale : "fr");
    }

    private JsonNode page(int first) throws IOException, InterruptedException {
        URI uri = URI.create(roleUsers + "?briefRepresentation=false&first=" + first + "&max=" + config.pageSize());
        HttpResponse<String> response = get(uri, token(false));
        if (response.statusCode() == 401) {
            response = get(uri, token(true)); // a token revoked or signed with a rotated key: one fresh try
        }
        if (response.statusCode() != 200) {
            throw new IOException("Keycloak answered " + response.statusCode() + " to " + uri.getPath());
        }
        JsonNode page = json.readTree(response.body());
        if (!page.isArray()) {
            throw new IOException("Keycloak answered no list of users to " + uri.getPath());
        }
        return page;
    }

    private HttpResponse<String> get(URI uri, String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(config.timeout()).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private String token(boolean fresh) throws IOException {
        Tokens current = tokens;
        if (fresh || current == null || current.isAccessTokenExpired() || current.isAccessTokenWithinRefreshInterval()) {
            try {
                current = oidc.getTokens().await().atMost(config.timeout());
            } catch (RuntimeException e) {
                throw new IOException("no token from Keycloak: " + e.getMessage(), e);
            }
            tokens = current;
        }
        return current.getAccessToken();
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() || node.asText().isBlank() ? null : node.asText().trim();
    }
}
