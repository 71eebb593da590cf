package club.twinning.notification.service;

/**
 * What an email says about an event, already in the reader's words: names (isolated for bidi), dates formatted for
 * the language, statuses and domains translated. {@code number}: the request's number (its id), which a receipt gives
 * for later reference; {@code deadline}: the date by which the expected action is due; {@code statusCode}: the
 * status as the event carries it, for wording that depends on it.
 */
public record MailModel(String title, String number, String partyA, String partyB, String parties, String domain,
                        String status, String statusCode, String from, String start, String end, String period,
                        String deadline, String votes, Long days, String grade, boolean tacit) {
}
