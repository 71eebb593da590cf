package club.twinning.notification.service;

/** What an email says about an event, already in words: names, dates, the status in the reader's language. */
public record MailModel(String title, String partyA, String partyB, String parties, String status, String reason,
                        String dates, String detail) {
}
