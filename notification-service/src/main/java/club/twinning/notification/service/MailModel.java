package club.twinning.notification.service;

/**
 * What an email says about an event, already in words: names, dates, the status in the reader's language;
 * {@code number}: the request's number (its id), which a receipt gives for later reference.
 */
public record MailModel(String title, String number, String partyA, String partyB, String parties, String status, String reason,
                        String dates, String detail) {
}
