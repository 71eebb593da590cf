package club.twinning.notification.domain;

/** Whether a contact hears of each event at once, or in one message a day at a local hour. */
public enum Digest {
    IMMEDIATE, DAILY
}
