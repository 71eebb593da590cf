package club.twinning.registry.service;

import club.twinning.registry.domain.AuditEntry;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Writes who changed what, in the transaction of the change. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AuditTrail {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final ObjectMapper json;

    AuditTrail(ObjectMapper json) {
        this.json = json;
    }

    public void record(String resourceType, String resourceId, String action, String actor, Object detail) {
        AuditEntry entry = new AuditEntry();
        entry.id = UUID.randomUUID();
        entry.resourceType = resourceType;
        entry.resourceId = resourceId;
        entry.action = action;
        entry.actor = actor;
        entry.at = Instant.now();
        // Kept as the API saw it (dates as ISO text), whatever the input record was.
        entry.detail = detail == null ? null : json.convertValue(detail, MAP);
        entry.persist();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEntry> of(String resourceType, String resourceId) {
        return AuditEntry.list("resourceType = ?1 and resourceId = ?2 order by at", resourceType, resourceId);
    }
}
