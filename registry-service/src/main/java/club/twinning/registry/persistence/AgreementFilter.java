package club.twinning.registry.persistence;

import club.twinning.registry.domain.AgreementStatus;
import club.twinning.registry.domain.AgreementType;
import java.time.LocalDate;

/** The filters of the agreement list; any may be null. */
public record AgreementFilter(String party, String country, AgreementType type, AgreementStatus status, String domain,
                              LocalDate signedFrom, LocalDate signedTo, String text) {

    public static AgreementFilter none() {
        return new AgreementFilter(null, null, null, null, null, null, null, null);
    }
}
