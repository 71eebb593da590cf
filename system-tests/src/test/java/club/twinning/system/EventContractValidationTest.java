package club.twinning.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The validator EventContractTest runs on the stack's records refuses what the document refuses (no stack needed). */
class EventContractValidationTest {

    private static final EventContract CONTRACT = new EventContract();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUBMITTED = "/components/messages/requestSubmitted";

    @Test
    void aRecordAsTheRelayWritesItPasses() throws Exception {
        assertThat(CONTRACT.validate(SUBMITTED + "/payload", submitted())).isEmpty();
        assertThat(CONTRACT.validate(SUBMITTED + "/headers", headers())).isEmpty();
    }

    @Test
    void anUnknownFieldANullThatCannotBeAWrongDateOrDomainFail() throws Exception {
        assertThat(CONTRACT.validate(SUBMITTED + "/payload", submitted().put("surprise", 1))).isNotEmpty();
        assertThat(CONTRACT.validate(SUBMITTED + "/payload", submitted().putNull("requestId"))).isNotEmpty();
        assertThat(CONTRACT.validate(SUBMITTED + "/payload", submitted().put("windowStart", "01/03/2026"))).isNotEmpty();
        assertThat(CONTRACT.validate(SUBMITTED + "/payload", submitted().put("domain", "astrology"))).isNotEmpty();
        ObjectNode missing = submitted();
        missing.remove("version");
        assertThat(CONTRACT.validate(SUBMITTED + "/payload", missing)).isNotEmpty();
        assertThat(CONTRACT.validate(SUBMITTED + "/payload", submitted().set("tally", JSON.createObjectNode().put("approve", 1))))
                .isNotEmpty();
    }

    @Test
    void headersMustNameTheTypeTheSourceAndTheTime() throws Exception {
        assertThat(CONTRACT.validate(SUBMITTED + "/headers", headers().put("ce_type", "club.twinning.request.decided"))).isNotEmpty();
        assertThat(CONTRACT.validate(SUBMITTED + "/headers", headers().put("ce_source", "/twinning/registry-service"))).isNotEmpty();
        ObjectNode noTime = headers();
        noTime.remove("ce_time");
        assertThat(CONTRACT.validate(SUBMITTED + "/headers", noTime)).isNotEmpty();
        assertThat(CONTRACT.validate(SUBMITTED + "/headers", headers().put("traceparent", "00-abc-def-01"))).as("other headers pass").isEmpty();
    }

    private static ObjectNode submitted() throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"requestId":"0b8e7c1d-4f2a-4e55-b7a3-2c9d1e6f8a14","requestingParty":"es-semara","partnerParty":"agadez",
                 "agreementId":"84615981-604e-495e-bcdd-4a763706d730","domain":"desert-land-management","title":"Eau",
                 "status":"SUBMITTED","windowStart":"2026-03-01","windowEnd":"2026-03-11","actor":"partner.es-semara",
                 "reason":null,"voter":null,"vote":null,"tally":{"approve":0,"reject":0,"abstain":0,"requestChanges":0},
                 "at":"2026-01-01T00:00:00.123456Z","version":0}""");
    }

    private static ObjectNode headers() {
        return JSON.createObjectNode().put("ce_specversion", "1.0").put("ce_id", "5f0c3a52-2b1e-4d3f-9a41-8c2d7e6b1a90")
                .put("ce_type", "club.twinning.request.submitted").put("ce_source", "/twinning/exchange-service")
                .put("ce_subject", "0b8e7c1d-4f2a-4e55-b7a3-2c9d1e6f8a14").put("ce_time", "2026-01-01T00:00:00.123456Z")
                .put("ce_datacontenttype", "application/json").put("content-type", "application/json");
    }
}
