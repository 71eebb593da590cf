package club.twinning.portal.web;

import static club.twinning.portal.web.FormFields.blankToNull;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    static RequestForm of(FormFields f) {
        String agreement = f.fields().getFirst("agreement");
        // The agreement option carries "agreementId|partnerCode": the partner is the agreement's other party.
        String[] parts = agreement == null ? new String[0] : agreement.split("\\|", 2);
        return new RequestForm(
                f.text("idempotencyKey") == null ? UUID.randomUUID().toString() : f.fields().getFirst("idempotencyKey"),
                parts.length > 0 ? blankToNull(parts[0]) : null, parts.length > 1 ? blankToNull(parts[1]) : null,
                f.text("domain"), f.text("title"), f.text("need"), f.text("offer"), f.text("direction"),
                f.text("windowStart"), f.text("windowEnd"), f.text("participants"), f.text("language"));
    }

    ObjectNode toJson() {
        ObjectNode body = JsonNodeFactory.instance.objectNode()
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
