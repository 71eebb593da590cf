package club.twinning.portal.i18n;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * The portal's words, as {msg:…} in templates. The texts live in messages/msg_{en,fr,ar}.properties
 * (English is the default bundle), so translators edit files, not code.
 */
@MessageBundle(locale = "en")
public interface Messages {
    String app_title();
    String nav_home();
    String nav_register();
    String nav_requests();
    String nav_new_request();
    String nav_review();
    String nav_visits();
    String nav_calendar();
    String nav_agreements();
    String nav_contacts();
    String nav_deliveries();
    String nav_login();
    String nav_logout();
    String nav_language();
    String nav_skip();

    String register_title();
    String register_intro();
    String register_download_csv();
    String register_download_geojson();
    String map_title();
    String map_legend();

    String home_title(String name);
    String home_counts_status();
    String home_counts_domain();
    String home_counts_country();
    String home_upcoming_visits();
    String home_no_visits();

    String col_reference();
    String col_title();
    String col_parties();
    String col_status();
    String col_domain();
    String col_signed();
    String col_dates();
    String col_requester();
    String col_partner();
    String col_tally();
    String col_actions();
    String none();
    String error_service();
    String error_title();
    String error_forbidden();
    String error_not_found();
    String filter_all();
    String form_partner();
    String form_need();
    String form_offer();
    String form_direction();
    String form_window_start();
    String form_window_end();
    String form_participants();
    String form_participants_short();
    String form_submit();
    String request_about();
    String suggestions_title();
    String vote_title();
    String vote_conflict();
    String vote_choice();
    String vote_reason();
    String vote_submit();
    String withdraw_reason();
    String withdraw();
    String visit_plan();
    String visit_start();
    String visit_end();
    String visit_delegate();
    String visit_delegate_role();
    String visit_delegate_email();
    String visit_logistics();
    String visit_plan_submit();
    String visit_see();
    String review_own_city();
    String review_empty();
    String visit_host();
    String visit_visitors();
    String visit_confirm();
    String visit_report();
    String visit_outcomes();
    String visit_lessons();
    String visit_followups();
    String visit_attendance();
    String visit_report_submit();
    String visit_agenda();
    String visit_delegation();
    String calendar_subscribe();
    String calendar_previous();
    String calendar_next();
    String agreement_commitments();
    String agreement_documents();
    String agreement_transition();
    String agreement_reason();
    String deliveries_retry();
    String col_channel();
    String col_event();
    String col_contact();
    String col_attempts();
}
