package club.twinning.registry.service;

import club.twinning.platform.problem.ProblemException;
import club.twinning.platform.security.Caller;
import club.twinning.registry.domain.Agreement;
import club.twinning.registry.domain.AgreementDocument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** The signed texts of agreements, stored with their SHA-256 so that a copy can be checked. */
@ApplicationScoped
@Transactional
public class DocumentService {

    public static final int MAX_BYTES = 10 * 1024 * 1024;

    private final AuditTrail audit;
    private final Caller caller;

    DocumentService(AuditTrail audit, Caller caller) {
        this.audit = audit;
        this.caller = caller;
    }

    public AgreementDocument store(UUID agreementId, String language, String fileName, String mediaType, byte[] content) {
        if (Agreement.findById(agreementId) == null) {
            throw ProblemException.notFound("agreement", agreementId);
        }
        if (language == null || !language.matches("fr|ar|en")) {
            throw ProblemException.badField("language", "fr, ar or en");
        }
        if (content == null || content.length == 0) {
            throw ProblemException.badField("body", "the document is empty");
        }
        if (content.length > MAX_BYTES) {
            throw new ProblemException(413, "too-large", "Document too large", "at most " + MAX_BYTES + " bytes");
        }
        AgreementDocument document = new AgreementDocument();
        document.id = UUID.randomUUID();
        document.agreementId = agreementId;
        document.language = language;
        document.fileName = fileName;
        document.mediaType = mediaType;
        document.size = content.length;
        document.sha256 = sha256(content);
        document.content = content;
        document.uploadedBy = caller.name();
        document.uploadedAt = Instant.now();
        document.persist();
        audit.record("agreement", agreementId.toString(), "document-added", caller.name(),
                java.util.Map.of("document", document.id, "language", language, "sha256", document.sha256));
        return document;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AgreementDocument> of(UUID agreementId) {
        return AgreementDocument.list("agreementId = ?1 order by uploadedAt", agreementId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AgreementDocument get(UUID agreementId, UUID documentId) {
        AgreementDocument document = AgreementDocument.findById(documentId);
        if (document == null || !document.agreementId.equals(agreementId)) {
            throw ProblemException.notFound("document", documentId);
        }
        return document;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
