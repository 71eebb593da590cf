package club.twinning.registry.persistence;

import java.time.LocalDate;

/** The filters of the agreement list; any may be null. */
public record AgreementFilter(String party, String country, String type, String status, String domain,
                              LocalDate signedFrom, LocalDate signedTo, String text) {

    public static AgreementFilter none() {
        return new AgreementFilter(null, null, null, null, null, null, null, null);
    }
}
