package club.twinning.notification.service;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** When a daily digest goes out: the next time the clock reads the contact's hour in its party's time zone. */
public final class DigestSchedule {

    private DigestSchedule() {
    }

    /** The next {@code hour}:00 after {@code now} in {@code timeZone} (UTC when unknown or not a zone id). */
    public static Instant next(String timeZone, int hour, Instant now) {
        ZoneId zone;
        try {
            zone = timeZone == null ? ZoneId.of("UTC") : ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            zone = ZoneId.of("UTC");
        }
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime at = local.withHour(hour).withMinute(0).withSecond(0).withNano(0);
        return (at.isAfter(local) ? at : at.plusDays(1)).toInstant();
    }
}
