package club.twinning.notification;

import static org.assertj.core.api.Assertions.assertThat;

import club.twinning.events.EventType;
import club.twinning.events.payload.AgreementStatusChanged;
import club.twinning.events.payload.ExchangeRequestChanged;
import club.twinning.events.payload.RelationshipDormant;
import club.twinning.events.payload.RenewalDue;
import club.twinning.events.payload.Tally;
import club.twinning.events.payload.VisitChanged;
import club.twinning.notification.domain.Delivery;
import club.twinning.notification.replica.KnownParty;
import club.twinning.notification.service.MailComposer;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every email, in fr, ar and en, against committed expected outputs under src/test/resources/golden/ (subject and
 * headers at the top of the .txt). After a deliberate change, regenerate them with
 * {@code ./mvnw -pl notification-service verify -Dtest=MailGoldenTest -Dgolden.update=true} and read the diff.
 * The HTML of a few is also drawn by a real browser (Debian's Chromium), kept under target/screenshots.
 */
@QuarkusTest
class MailGoldenTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden");
    static final Path ACTUAL = Path.of("target/golden-actual");
    static final Path SCREENSHOTS = Path.of("target/screenshots");
    static final List<String> LANGUAGES = List.of("fr", "ar", "en");

    static final UUID REQUEST = UUID.fromString("6f1c2a52-0d7e-4c1b-9a43-2b8f5e7d1a01");
    static final UUID VISIT = UUID.fromString("b2d9e0f4-3c6a-4e8b-8f17-5a0c9d2e4b02");
    static final UUID AGREEMENT = UUID.fromString("0a4e7c31-9b25-4d6f-a8e2-7c1b3f5d9e03");
    static final UUID CONTACT = UUID.fromString("d5e8f1a2-6b3c-4a9d-b07e-1f2c3d4e5f04");
    static final Instant AT = Instant.parse("2027-01-10T09:30:00Z");

    @Inject
    MailComposer composer;
    @Inject
    ObjectMapper json;

    /** Two cities with names in the three languages, as the registry's PartyChanged gives them. */
    @BeforeEach
    void cities() {
        QuarkusTransaction.requiringNew().run(() -> {
            party("golden-agadez", "Agadez", "أكادير", "Agadez", "fr");
            party("golden-es-semara", "Es-Semara", "السمارة", "Es-Semara", "ar");
            party("golden-banjul", "Banjul", "بانجول", "Banjul", "en");
        });
    }

    @Test
    void everyEmailInEveryLanguageIsAsCommitted() throws IOException {
        boolean update = Boolean.getBoolean("golden.update");
        List<String> differ = new ArrayList<>();
        int rendered = 0;
        for (Map.Entry<String, Case> c : cases().entrySet()) {
            for (String language : LANGUAGES) {
                String name = c.getKey() + "." + language;
                Map<String, String> files = render(c.getValue(), language);
                for (Map.Entry<String, String> f : files.entrySet()) {
                    Path expected = GOLDEN.resolve(name + "." + f.getKey());
                    rendered++;
                    if (update) {
                        Files.createDirectories(GOLDEN);
                        Files.writeString(expected, f.getValue(), StandardCharsets.UTF_8);
                    } else if (!Files.exists(expected) || !Files.readString(expected, StandardCharsets.UTF_8).equals(f.getValue())) {
                        Files.createDirectories(ACTUAL);
                        Files.writeString(ACTUAL.resolve(name + "." + f.getKey()), f.getValue(), StandardCharsets.UTF_8);
                        differ.add(name + "." + f.getKey());
                    }
                }
            }
        }
        assertThat(rendered).as("every case in three languages, HTML and text").isEqualTo(cases().size() * 3 * 2);
        assertThat(differ).as("emails that differ from src/test/resources/golden (actual ones in target/golden-actual; "
                + "regenerate with -Dgolden.update=true if the change is meant)").isEmpty();
    }

    @Test
    void theGoldenFilesSayWhatTheIssueAsks() throws IOException {
        String planned = Files.readString(GOLDEN.resolve("visit-planned.fr.txt"));
        assertThat(planned).as("elision").contains("d'\u2068Agadez\u2069").doesNotContain("de \u2068Agadez")
                .as("dates per locale").contains("du 1er février 2027 au 5 février 2027")
                .as("what is expected, by whom, by when").contains("confirme la visite dans le portail avant le 1er février 2027")
                .as("a link to the visit").contains("http://127.0.0.1:8080/app/visits/" + VISIT)
                .as("preferences and unsubscribe").contains("http://127.0.0.1:8080/app/contacts?party=golden-es-semara")
                .contains("List-Unsubscribe: <http://127.0.0.1:8083/unsubscribe?token=")
                .contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
        String arabic = Files.readString(GOLDEN.resolve("visit-planned.ar.html"));
        assertThat(arabic).contains("dir=\"rtl\"").as("Arabic names from the registry, isolated")
                .contains("<bdi>أكادير</bdi>").contains("<bdi>السمارة</bdi>").doesNotContain("Agadez")
                .as("Latin digits, Arabic month").contains("1 فبراير 2027");
        assertThat(planned).as("the delegation and agenda, quoted and isolated as the cities typed them")
                .contains("Délégation, telle que saisie par \u2068Agadez\u2069")
                .contains("> \u2068Aminata Diallo\u2069 \u2014 \u2068adjointe au maire\u2069")
                .contains("> 1er février 2027, \u206809:30\u2069 \u2014 \u2068Visite des foggaras\u2069 \u2014 \u2068Ksar <Timimoun>\u2069")
                .doesNotContain("la page de la visite dans le portail (l'annonce");
        assertThat(Files.readString(GOLDEN.resolve("visit-planned.en.html"))).as("escaped, in <bdi>")
                .contains("<bdi>محمد الأمين</bdi> \u2014 <bdi>مهندس مياه</bdi>").contains("<bdi>Ksar &lt;Timimoun&gt;</bdi>");
        assertThat(Files.readString(GOLDEN.resolve("visit-planned.ar.html"))).as("a list of isolated pieces runs in the mail's direction")
                .contains("<blockquote dir=\"rtl\"").contains("1 فبراير 2027\u060c <bdi>09:30</bdi>");
        assertThat(Files.readString(GOLDEN.resolve("visit-flagged.fr.txt"))).as("an older producer's event sends readers to the page")
                .contains("Délégation et programme\u00a0: sur la page de la visite");
        assertThat(Files.readString(GOLDEN.resolve("digest.fr.txt"))).as("a digest is optional mail like the others")
                .contains("List-Unsubscribe: <http://127.0.0.1:8083/unsubscribe?token=")
                .contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click")
                .contains("http://127.0.0.1:8080/app/contacts?party=golden-es-semara");
        String closed = Files.readString(GOLDEN.resolve("request-closed.en.html"));
        assertThat(closed).as("a user's words quoted, escaped, attributed")
                .contains("<blockquote dir=\"auto\"").contains("&lt;b&gt;d&#39;un commun accord&lt;/b&gt;")
                .contains("Reason given by <bdi>secretariat</bdi>, as typed:");
        String receipt = Files.readString(GOLDEN.resolve("request-received.fr.txt"));
        assertThat(receipt).as("a receipt is no optional notice").doesNotContain("List-Unsubscribe");
        String decided = Files.readString(GOLDEN.resolve("request-decided.fr.txt"));
        assertThat(decided).as("votes labelled").contains("Votes du Conseil\u00a0: 3 pour, 1 contre, 1 abstention(s)")
                .as("the domain's name").contains("Gestion des espaces désertiques");
    }

    /**
     * A round composes its emails as a batch (the event's words once, the reader's parts per email): each must be the
     * email composed alone, escaping of the reader's name included.
     */
    @Test
    void aBatchComposesEachEmailAsIfAlone() {
        List<MailComposer.Reader> readers = List.of(
                new MailComposer.Reader(CONTACT, "golden-agadez", "Aminata", true),
                new MailComposer.Reader(UUID.randomUUID(), "golden-agadez", "N'Diaye <\"&> Awa", true),
                new MailComposer.Reader(UUID.randomUUID(), "golden-es-semara", null, true),
                new MailComposer.Reader(null, null, "Conseil", true),
                new MailComposer.Reader(null, null, null, false));
        QuarkusTransaction.requiringNew().run(() -> {
            for (Map.Entry<String, Case> c : cases().entrySet()) {
                if (c.getValue().digest) {
                    continue;
                }
                for (String language : LANGUAGES) {
                    String event = c.getKey() + "." + language;
                    String data = data(c.getValue().payload);
                    MailComposer.Batch batch = composer.batch();
                    for (MailComposer.Reader reader : readers) {
                        MailComposer.Mail alone = composer.compose(c.getValue().type.type(), c.getValue().purpose, data, language, reader);
                        assertThat(batch.compose(event, c.getValue().type.type(), c.getValue().purpose, data, language, reader))
                                .as(event + " to " + reader).isEqualTo(alone);
                    }
                }
            }
        });
    }

    @Test
    void aRealBrowserDrawsTheHtmlMails() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")), "Debian's chromium is not installed");
        Files.createDirectories(SCREENSHOTS);
        Map<String, Case> cases = cases();
        List<BufferedImage> shots = new ArrayList<>();
        for (String name : List.of("visit-planned.fr", "visit-planned.ar", "visit-planned.en", "request-closed.ar")) {
            String[] parts = name.split("\\.");
            Path html = SCREENSHOTS.resolve(name + ".html").toAbsolutePath();
            Files.writeString(html, render(cases.get(parts[0]), parts[1]).get("html"), StandardCharsets.UTF_8);
            Path png = SCREENSHOTS.resolve(name + ".png").toAbsolutePath();
            Files.deleteIfExists(png);
            Process chromium = new ProcessBuilder("/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu",
                    "--hide-scrollbars", "--window-size=720,1000", "--screenshot=" + png, html.toUri().toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertThat(chromium.waitFor(90, TimeUnit.SECONDS)).as("chromium drew " + name).isTrue();
            assertThat(png).exists();
            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(image.getWidth()).isEqualTo(720);
            assertThat(colours(image)).as(name + " is drawn, not blank").isGreaterThan(20);
            shots.add(image);
        }
        // Right to left: the Arabic mail's text starts on the right, the French one's on the left.
        assertThat(inkCentre(shots.get(1))).as("Arabic text sits to the right").isGreaterThan(inkCentre(shots.get(0)));
    }

    private Map<String, String> render(Case c, String language) {
        MailComposer.Mail mail = c.digest
                ? composer.digest(cases().entrySet().stream().filter(e -> !e.getValue().digest).limit(3)
                        .map(e -> composer.line(e.getValue().type.type(), e.getValue().purpose, data(e.getValue().payload), language))
                        .toList(), language, new MailComposer.Reader(CONTACT, "golden-es-semara", "Aminata", true))
                : composer.compose(c.type.type(), c.purpose, data(c.payload), language,
                        new MailComposer.Reader(c.contact, c.party, "Aminata", true));
        StringBuilder text = new StringBuilder("Subject: ").append(mail.subject()).append('\n');
        mail.headers().forEach((k, v) -> text.append(k).append(": ").append(v).append('\n'));
        text.append('\n').append(mail.text());
        Map<String, String> files = new LinkedHashMap<>();
        files.put("html", mail.html());
        files.put("txt", text.toString());
        return files;
    }

    record Case(EventType type, String purpose, Record payload, UUID contact, String party, boolean digest) {
        static Case of(EventType type, Record payload, String party) {
            return new Case(type, Delivery.NOTICE, payload, party == null ? null : CONTACT, party, false);
        }
    }

    static Map<String, Case> cases() {
        String agadez = "golden-agadez";
        String semara = "golden-es-semara";
        Map<String, Case> cases = new LinkedHashMap<>();
        cases.put("agreement-status-changed", Case.of(EventType.AGREEMENT_STATUS_CHANGED, new AgreementStatusChanged(AGREEMENT,
                "AG-2026-014", "TWINNING", List.of(agadez, semara), List.of("desert-land-management", "culture"), "IN_FORCE",
                "SUSPENDED", LocalDate.of(2031, 6, 30), "secretariat", "Travaux de la mairie : séances suspendues", AT, 7), agadez));
        cases.put("renewal-due", Case.of(EventType.RENEWAL_DUE, new RenewalDue(AGREEMENT, "AG-2026-014",
                List.of(agadez, semara), LocalDate.of(2027, 6, 30), LocalDate.of(2027, 3, 31), true), null));
        cases.put("request-submitted", Case.of(EventType.REQUEST_SUBMITTED, request("SUBMITTED", null, new Tally(0, 0, 0, 0)), semara));
        cases.put("request-received", new Case(EventType.REQUEST_SUBMITTED, Delivery.RECEIPT,
                request("SUBMITTED", null, new Tally(0, 0, 0, 0)), CONTACT, agadez, false));
        cases.put("request-decided", Case.of(EventType.REQUEST_DECIDED, request("APPROVED", null, new Tally(3, 1, 1, 0)), agadez));
        cases.put("changes-requested", Case.of(EventType.CHANGES_REQUESTED,
                request("CHANGES_REQUESTED", "Please give the number of participants\nand the budget.", new Tally(1, 0, 0, 2)), agadez));
        cases.put("request-withdrawn", Case.of(EventType.REQUEST_WITHDRAWN, request("WITHDRAWN", "نعتذر، تغير البرنامج", null), semara));
        cases.put("request-escalated", Case.of(EventType.REQUEST_ESCALATED, new ExchangeRequestChanged(REQUEST, agadez, semara,
                AGREEMENT, "desert-land-management", "Gestion de l'eau en zone aride", "UNDER_REVIEW", LocalDate.of(2027, 2, 1),
                LocalDate.of(2027, 2, 28), "system", "no decision 14 days after submission", null, null, new Tally(1, 0, 0, 0), AT, 3),
                null));
        cases.put("request-on-hold", Case.of(EventType.REQUEST_ON_HOLD, request("ON_HOLD", "Travaux de la mairie", null), semara));
        cases.put("request-resumed", Case.of(EventType.REQUEST_RESUMED, request("UNDER_REVIEW", null, null), semara));
        cases.put("request-closed", Case.of(EventType.REQUEST_CLOSED,
                request("CLOSED", "L'accord a été résilié <b>d'un commun accord</b>", null), agadez));
        cases.put("visit-planned", Case.of(EventType.VISIT_PLANNED, visit("PLANNED", null, null), semara));
        cases.put("visit-confirmed", Case.of(EventType.VISIT_CONFIRMED, visit("CONFIRMED", null, null), agadez));
        cases.put("visit-cancelled", Case.of(EventType.VISIT_CANCELLED, visit("CANCELLED", "Tempête de sable annoncée", null), semara));
        cases.put("visit-completed", Case.of(EventType.VISIT_COMPLETED, visit("COMPLETED", null,
                "Deux ateliers sur les foggaras; 14 agents formés."), semara));
        cases.put("visit-flagged", Case.of(EventType.VISIT_FLAGGED, new VisitChanged(VISIT, REQUEST, semara, agadez,
                LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 5), "PLANNED", "exchange-service", "Accord suspendu le 3 janvier",
                null, AT, 2), agadez));
        cases.put("relationship-dormant", Case.of(EventType.RELATIONSHIP_DORMANT, new RelationshipDormant(agadez, semara,
                AGREEMENT, 400L, "D", List.of("last completed visit 400 days ago")), null));
        cases.put("digest", new Case(null, null, null, null, null, true));
        return cases;
    }

    static ExchangeRequestChanged request(String status, String reason, Tally tally) {
        return new ExchangeRequestChanged(REQUEST, "golden-agadez", "golden-es-semara", AGREEMENT, "desert-land-management",
                "Gestion de l'eau en zone aride", status, LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 28),
                "secretariat", reason, null, null, tally, AT, 2);
    }

    /** A visit as exchange-service publishes it now, with the delegation and agenda the cities typed. */
    static VisitChanged visit(String status, String reason, String report) {
        return new VisitChanged(VISIT, REQUEST, "golden-es-semara", "golden-agadez", LocalDate.of(2027, 2, 1),
                LocalDate.of(2027, 2, 5), status, "partner.agadez", reason, report, AT, 1,
                List.of(new VisitChanged.Delegate("Aminata Diallo", "adjointe au maire"),
                        new VisitChanged.Delegate("محمد الأمين", "مهندس مياه")),
                List.of(new VisitChanged.AgendaItem(LocalDate.of(2027, 2, 1), "09:30", "Visite des foggaras", "Ksar <Timimoun>"),
                        new VisitChanged.AgendaItem(LocalDate.of(2027, 2, 2), null, "ورشة: إدارة المياه", null)));
    }

    private String data(Record payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void party(String code, String fr, String ar, String en, String language) {
        KnownParty view = KnownParty.findById(code);
        if (view == null) {
            view = new KnownParty();
            view.code = code;
        }
        view.nameFr = fr;
        view.nameAr = ar;
        view.nameEn = en;
        view.language = language;
        view.timeZone = "Africa/Casablanca";
        view.persist();
    }

    private static int colours(BufferedImage image) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                seen.add(image.getRGB(x, y) & 0xF0F0F0);
            }
        }
        return seen.size();
    }

    /** The mean x of dark (text) pixels in the card's upper part. */
    private static double inkCentre(BufferedImage image) {
        long sum = 0;
        long count = 0;
        for (int y = 20; y < Math.min(image.getHeight(), 260); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xFF;
                int g = (rgb >> 8) & 0xFF;
                int b = rgb & 0xFF;
                if (r + g + b < 200) {
                    sum += x;
                    count++;
                }
            }
        }
        return count == 0 ? 0 : (double) sum / count;
    }
}
