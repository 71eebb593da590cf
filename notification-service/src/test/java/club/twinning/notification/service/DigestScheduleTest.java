package club.twinning.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A daily digest goes out at the contact's hour on its party's clock. */
@Tag("unit")
class DigestScheduleTest {

    @Test
    void laterTodayWhenTheHourIsStillAheadInThePartysZone() {
        // 05:30 UTC is 06:30 in Niamey (UTC+1): 08:00 there is 07:00 UTC the same day.
        assertThat(DigestSchedule.next("Africa/Niamey", 8, Instant.parse("2027-01-10T05:30:00Z")))
                .isEqualTo(Instant.parse("2027-01-10T07:00:00Z"));
    }

    @Test
    void tomorrowWhenTheHourHasPassedOrIsNow() {
        assertThat(DigestSchedule.next("Africa/Niamey", 8, Instant.parse("2027-01-10T07:00:00Z")))
                .as("exactly the hour: the next one").isEqualTo(Instant.parse("2027-01-11T07:00:00Z"));
        assertThat(DigestSchedule.next("Africa/Niamey", 8, Instant.parse("2027-01-10T12:00:00Z")))
                .isEqualTo(Instant.parse("2027-01-11T07:00:00Z"));
    }

    @Test
    void theDateIsThePartysNotUtcs() {
        // 20:00 UTC on the 10th is 01:30 on the 11th in Vijayawada (UTC+5:30): 08:00 there is 02:30 UTC on the 11th.
        assertThat(DigestSchedule.next("Asia/Kolkata", 8, Instant.parse("2027-01-10T20:00:00Z")))
                .isEqualTo(Instant.parse("2027-01-11T02:30:00Z"));
    }

    @Test
    void summerTimeIsFollowed() {
        // Paris moves to UTC+2 on 28 March 2027: 08:00 is 07:00 UTC the day before, 06:00 UTC the day after.
        assertThat(DigestSchedule.next("Europe/Paris", 8, Instant.parse("2027-03-27T00:00:00Z")))
                .isEqualTo(Instant.parse("2027-03-27T07:00:00Z"));
        assertThat(DigestSchedule.next("Europe/Paris", 8, Instant.parse("2027-03-28T12:00:00Z")))
                .isEqualTo(Instant.parse("2027-03-29T06:00:00Z"));
    }

    @Test
    void anUnknownOrMissingZoneIsUtc() {
        assertThat(DigestSchedule.next(null, 8, Instant.parse("2027-01-10T05:30:00Z"))).isEqualTo(Instant.parse("2027-01-10T08:00:00Z"));
        assertThat(DigestSchedule.next("Mars/Olympus", 8, Instant.parse("2027-01-10T05:30:00Z")))
                .isEqualTo(Instant.parse("2027-01-10T08:00:00Z"));
    }
}
