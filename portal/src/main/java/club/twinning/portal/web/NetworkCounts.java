package club.twinning.portal.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;

/** How many agreements by status and domain, and parties by country. */
public record NetworkCounts(Map<String, Integer> byStatus, Map<String, Integer> byDomain, Map<String, Integer> byCountry) {

    static NetworkCounts of(JsonNode agreements, JsonNode parties) {
        Map<String, Integer> byStatus = new TreeMap<>();
        Map<String, Integer> byDomain = new TreeMap<>();
        Map<String, Integer> byCountry = new TreeMap<>();
        for (JsonNode agreement : items(agreements)) {
            byStatus.merge(agreement.path("status").asText("?"), 1, Integer::sum);
            agreement.path("domains").forEach(d -> byDomain.merge(d.asText(), 1, Integer::sum));
        }
        for (JsonNode party : items(parties)) {
            if (party.hasNonNull("country")) {
                byCountry.merge(party.path("country").asText(), 1, Integer::sum);
            }
        }
        return new NetworkCounts(byStatus, byDomain, byCountry);
    }

    /** A page of items, or a bare array. */
    static JsonNode items(JsonNode page) {
        if (page == null) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        return page.isArray() ? page : page.path("items");
    }
}
