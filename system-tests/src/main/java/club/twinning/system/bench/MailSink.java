package club.twinning.system.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The local SMTP sink (GreenMail) keeps every mail in its heap: emptied before a stage, its CPU is the stage's own, and
 * emptied each second while the queues drain, a catch-up of tens of thousands of emails fits (one ran it out of its
 * 1 GiB heap, and every later email timed out).
 */
final class MailSink {

    private static final URI PURGE = URI.create("http://127.0.0.1:8025/api/mail/purge");
    /** One client for every purge: the drain calls it each second. */
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private MailSink() {
    }

    static void purge() {
        try {
            HTTP.send(HttpRequest.newBuilder(PURGE).timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        } catch (Exception e) {
            System.out.println("  (the SMTP sink was not emptied: " + e.getMessage() + ")");
        }
    }
}
