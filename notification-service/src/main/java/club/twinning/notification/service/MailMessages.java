package club.twinning.notification.service;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of every email, per event type and language: Qute message templates in
 * messages/mail_{en,fr,ar}.properties (a missing language falls back to English, the default bundle). Each event
 * has a subject, a summary (what happened) and an action (who is expected to do what, by when). Names and titles
 * arrive in {@link MailModel} already isolated (FSI…PDI), dates already formatted for the language; statuses, a city's
 * role and domains are the platform's words (events' Words, shared with the portal), not this bundle's.
 */
@MessageBundle(value = "mail", locale = "en")
public interface MailMessages {
    String greeting(String name);
    String expected();
    String your_turn();
    String open_request();
    String open_visit();
    String open_agreement();
    String and();
    /** Between a label and its value, with the language's spacing (French puts a no-break space before the colon). */
    String colon();

    String label_number();
    String label_parties();
    String label_domain();
    String label_period();
    String label_dates();
    String label_status();
    String label_votes();
    String label_agreement();
    String label_expires();
    String label_notice();
    String label_tacit();
    String label_last_visit();
    String label_grade();
    String label_delegation_agenda();
    String visit_details_elsewhere();

    String quote_reason(String by);
    String quote_report(String by);
    String quote_delegation(String by);
    String quote_agenda();

    String period(String start, String end);
    String votes(int approve, int reject, int abstain, int changes);
    String yes_no(boolean yes);
    String last_visit(Long days);
    String grade(String grade);
    /** What a kind of email is called, for the unsubscribe page. */
    String kind(String type);

    String footer_contact(String party);
    String footer_council();
    String footer_generic();
    String footer_preferences();
    String footer_unsubscribe();
    String unsubscribe_title();
    String unsubscribe_confirm(String kind);
    String unsubscribe_button();
    String unsubscribe_done(String kind);

    String digest_subject(int count);
    String digest_intro();

    String subject_agreement_status_changed(MailModel m);
    String body_agreement_status_changed(MailModel m);
    String action_agreement_status_changed(MailModel m);
    String subject_renewal_due(MailModel m);
    String body_renewal_due(MailModel m);
    String action_renewal_due(MailModel m);
    String subject_request_submitted(MailModel m);
    String body_request_submitted(MailModel m);
    String action_request_submitted(MailModel m);
    String subject_request_decided(MailModel m);
    String body_request_decided(MailModel m);
    String action_request_decided(MailModel m);
    String subject_changes_requested(MailModel m);
    String body_changes_requested(MailModel m);
    String action_changes_requested(MailModel m);
    String subject_request_withdrawn(MailModel m);
    String body_request_withdrawn(MailModel m);
    String action_request_withdrawn(MailModel m);
    String subject_request_escalated(MailModel m);
    String body_request_escalated(MailModel m);
    String action_request_escalated(MailModel m);
    String subject_request_received(MailModel m);
    String body_request_received(MailModel m);
    String action_request_received(MailModel m);
    String subject_request_on_hold(MailModel m);
    String body_request_on_hold(MailModel m);
    String action_request_on_hold(MailModel m);
    String subject_request_resumed(MailModel m);
    String body_request_resumed(MailModel m);
    String action_request_resumed(MailModel m);
    String subject_request_closed(MailModel m);
    String body_request_closed(MailModel m);
    String action_request_closed(MailModel m);
    String subject_visit_planned(MailModel m);
    String body_visit_planned(MailModel m);
    String action_visit_planned(MailModel m);
    String subject_visit_confirmed(MailModel m);
    String body_visit_confirmed(MailModel m);
    String action_visit_confirmed(MailModel m);
    String subject_visit_cancelled(MailModel m);
    String body_visit_cancelled(MailModel m);
    String action_visit_cancelled(MailModel m);
    String subject_visit_completed(MailModel m);
    String body_visit_completed(MailModel m);
    String action_visit_completed(MailModel m);
    String subject_visit_flagged(MailModel m);
    String body_visit_flagged(MailModel m);
    String action_visit_flagged(MailModel m);
    String subject_relationship_dormant(MailModel m);
    String body_relationship_dormant(MailModel m);
    String action_relationship_dormant(MailModel m);
}
