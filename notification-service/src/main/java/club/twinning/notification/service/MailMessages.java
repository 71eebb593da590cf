package club.twinning.notification.service;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of every email, per event type and language: Qute message templates in
 * messages/mail_{en,fr,ar}.properties (a missing language falls back to English, the default bundle).
 */
@MessageBundle(value = "mail", locale = "en")
public interface MailMessages {
    String greeting(String name);
    String footer();
    String digest_subject(int count);
    String digest_intro();
    String subject_agreement_status_changed(MailModel m);
    String body_agreement_status_changed(MailModel m);
    String subject_renewal_due(MailModel m);
    String body_renewal_due(MailModel m);
    String subject_request_submitted(MailModel m);
    String body_request_submitted(MailModel m);
    String subject_request_decided(MailModel m);
    String body_request_decided(MailModel m);
    String subject_changes_requested(MailModel m);
    String body_changes_requested(MailModel m);
    String subject_request_withdrawn(MailModel m);
    String body_request_withdrawn(MailModel m);
    String subject_request_escalated(MailModel m);
    String body_request_escalated(MailModel m);
    String subject_request_received(MailModel m);
    String body_request_received(MailModel m);
    String subject_request_on_hold(MailModel m);
    String body_request_on_hold(MailModel m);
    String subject_request_resumed(MailModel m);
    String body_request_resumed(MailModel m);
    String subject_request_closed(MailModel m);
    String body_request_closed(MailModel m);
    String subject_visit_planned(MailModel m);
    String body_visit_planned(MailModel m);
    String subject_visit_confirmed(MailModel m);
    String body_visit_confirmed(MailModel m);
    String subject_visit_cancelled(MailModel m);
    String body_visit_cancelled(MailModel m);
    String subject_visit_completed(MailModel m);
    String body_visit_completed(MailModel m);
    String subject_visit_flagged(MailModel m);
    String body_visit_flagged(MailModel m);
    String subject_relationship_dormant(MailModel m);
    String body_relationship_dormant(MailModel m);
}
