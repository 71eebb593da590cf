package club.twinning.portal.web;

import static club.twinning.portal.web.RequestPages.blankToNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.UUID;

/**
 * The expertise request form as typed, kept to show it again with the service's messages. The idempotency
 * key is minted when the form is shown, so a double click or a browser retry submits once.
 */
public record RequestForm(String idempotencyKey, String agreementId, String partnerParty, String domain,
                          String title, String need, String offer, String direction, String windowStart,
                          String windowEnd, String participants, String language) {

    static RequestForm empty(String language) {
        return new RequestForm(UUID.randomUUID().toString(), null, null, null, null, null, null, "THEY_VISIT_US",
                null, null, "2", language);
    }

    static RequestForm of(MultivaluedMap<String, String> f) {
        String agreement = f.getFirst("agreement");
        // The agreement option carries "agreementId|partnerCode": the partner is the agreement's other party.
        String[] parts = agreement == null ? new String[0] : agreement.split("\\|", 2);
        return new RequestForm(
                blankToNull(f.getFirst("idempotencyKey")) == null ? UUID.randomUUID().toString() : f.getFirst("idempotencyKey"),
                parts.length > 0 ? blankToNull(parts[0]) : null, parts.length > 1 ? blankToNull(parts[1]) : null,
                blankToNull(f.getFirst("domain")), blankToNull(f.getFirst("title")), blankToNull(f.getFirst("need")),
                blankToNull(f.getFirst("offer")), blankToNull(f.getFirst("direction")),
                blankToNull(f.getFirst("windowStart")), blankToNull(f.getFirst("windowEnd")),
                blankToNull(f.getFirst("participants")), blankToNull(f.getFirst("language")));
    }

    ObjectNode toJson(ObjectMapper json) {
        ObjectNode body = json.createObjectNode()
                .put("agreementId", agreementId)
                .put("partnerParty", partnerParty)
                .put("domain", domain)
                .put("title", title)
                .put("need", need)
                .put("offer", offer)
                .put("direction", direction)
                .put("language", language);
        ObjectNode window = body.putObject("window");
        window.put("start", windowStart).put("end", windowEnd);
        try {
            body.put("participants", participants == null ? null : Integer.valueOf(participants));
        } catch (NumberFormatException e) {
            body.put("participants", participants); // the service names the field
        }
        return body;
    }
}
