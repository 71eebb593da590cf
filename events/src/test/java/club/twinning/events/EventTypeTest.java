package club.twinning.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.twinning.events.payload.AgreementStatusChanged;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EventTypeTest {

    @Test
    void typesAreUniqueReverseDnsNames() {
        Set<String> types = Arrays.stream(EventType.values()).map(EventType::type).collect(Collectors.toSet());
        assertEquals(EventType.values().length, types.size());
        types.forEach(t -> assertTrue(t.matches("club\\.twinning\\.[a-z-]+\\.[a-z-]+"), t));
    }

    @Test
    void everyTypeTravelsOnAKnownTopic() {
        for (EventType t : EventType.values()) {
            assertTrue(t.topic().startsWith("twinning."), t.topic());
            assertEquals(t, EventType.of(t.type()).orElseThrow());
        }
        assertTrue(EventType.of("club.twinning.unknown").isEmpty());
    }

    @Test
    void payloadRoundTripsThroughJson() throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        var sent = new AgreementStatusChanged(UUID.randomUUID(), "TW-2025-001", "TWINNING",
                List.of("es-semara", "agadez"), List.of("desert-land-management", "trade"), "SIGNED", "IN_FORCE",
                LocalDate.of(2030, 10, 31), "secretariat", "entry into force", Instant.parse("2025-10-31T10:00:00Z"), 3);
        String text = json.writeValueAsString(sent);
        assertTrue(text.contains("\"expiresOn\":\"2030-10-31\""), text);
        assertEquals(sent, json.readValue(text, EventType.AGREEMENT_STATUS_CHANGED.payload()));
    }

    @Test
    void domainsAreFoundByCodeAndLabelledInThreeLanguages() {
        assertEquals(CooperationDomain.DESERT_LAND_MANAGEMENT, CooperationDomain.of("desert-land-management").orElseThrow());
        assertEquals("Tourism", CooperationDomain.TOURISM.label("en"));
        assertEquals("السياحة", CooperationDomain.TOURISM.label("ar"));
        assertEquals("Tourisme", CooperationDomain.TOURISM.label("de"));
        assertTrue(CooperationDomain.of("astrology").isEmpty());
    }
}
