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
}
