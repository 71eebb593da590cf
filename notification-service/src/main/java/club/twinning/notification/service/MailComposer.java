package club.twinning.notification.service;

import club.twinning.events.EventType;
import club.twinning.events.Words.Kind;
import club.twinning.events.payload.AgreementStatusChanged;
import club.twinning.events.payload.ExchangeRequestChanged;
import club.twinning.events.payload.RelationshipDormant;
import club.twinning.events.payload.RenewalDue;
import club.twinning.events.payload.Tally;
import club.twinning.events.payload.VisitChanged;
import club.twinning.notification.config.MailConfig;
import club.twinning.notification.replica.KnownContact;
import club.twinning.notification.domain.Delivery;
import club.twinning.notification.messaging.EventData;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Escaper;
import io.quarkus.qute.Location;
import io.quarkus.qute.RawString;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Turns an event into an email in the reader's language: a subject, an HTML part (rtl for Arabic) and a text part
 * saying what happened, the facts (names, dates, domain, status, votes), what the users wrote (quoted, as theirs),
 * who is expected to do what and by when, and a link to the page it is about in the portal. A notice to a contact
 * carries a footer link to its preferences and a one-click unsubscribe (RFC 8058) for that kind of message.
 */
@ApplicationScoped
public class MailComposer {

    /** A composed email; {@code headers}: to add to the message (List-Unsubscribe for an optional notification). */
    public record Mail(String subject, String html, String text, Map<String, String> headers) {
        public Mail(String subject, String html, String text) {
            this(subject, html, text, Map.of());
        }
    }

    /** One event of a digest, in words, with the page it is about. */
    public record Line(String subject, String body, String link) {
    }

    /**
     * Who reads: a contact of a party, or (no contact) a council member from Keycloak or the secretariat.
     * {@code known=false}: the caller did not say, so the email neither addresses the reader's role nor links its
     * preferences.
     */
    public record Reader(UUID contactId, String partyCode, String name, boolean known) {
        static Reader unknown(String name) {
            return new Reader(null, null, name, false);
        }

        /** A delivery's reader: its contact (null for a council member from Keycloak or the secretariat). */
        public static Reader of(UUID contactId, String name) {
            return new Reader(contactId, null, name, true);
        }
    }

    /** A labelled fact, a user's words, a paragraph: as escaped HTML (isolates as {@code <bdi>}) and as text. */
    public record Fact(String label, RawString html, String text) {
    }

    /** {@code dir}: auto for one user's text; the mail's own for a list whose every piece is isolated. */
    public record Quote(RawString attribution, String attributionText, RawString html, List<String> lines, String dir) {
    }

    public record Block(RawString html, String text) {
        static Block of(String text) {
            return text == null ? null : new Block(Bidi.html(text), text);
        }
    }

    public record Item(Block subject, Block body, String link) {
    }

    /**
     * The event in words before rendering, the same for every reader; {@code turn}: whose the expected action is (null:
     * nobody's to say, as in a digest).
     */
    private record Content(String subject, String summary, List<Fact> facts, List<Quote> quotes, String action,
                           Turn turn, String link, String linkLabel) {
    }

    /** Who the expected action falls to ({@code actor}: see {@link #NOBODY}), among the event's {@code parties}. */
    private record Turn(String actor, List<String> parties) {
        /** Whether the expected action falls to this reader: null when the reader is unknown. */
        Boolean of(Reader reader) {
            if (!reader.known()) {
                return null;
            }
            if (actor == null) {
                return false;
            }
            return switch (actor) {
                case EVERYONE -> true;
                case COUNCIL -> reader.partyCode() == null || !parties.contains(reader.partyCode());
                default -> actor.equals(reader.partyCode());
            };
        }
    }

    /** Who the expected action falls to: nobody, everyone told, the council, or a party (by code). */
    private static final String NOBODY = null;
    private static final String EVERYONE = "*";
    private static final String COUNCIL = "@council";

    private final ObjectMapper json;
    private final Template html;
    private final Template text;
    /** The portal's public address without its trailing slashes. */
    private final String portalUrl;
    private final Unsubscribes unsubscribes;
    private final Map<String, MailMessages> bundles = new ConcurrentHashMap<>();
    private final Map<String, MailWords> mailWords = new ConcurrentHashMap<>();
    /** The event's sentences by message name (reflection's look-up is not cheap). */
    private static final Map<String, Method> SENTENCES = new ConcurrentHashMap<>();

    MailComposer(ObjectMapper json, @Location("mail/message.html") Template html, @Location("mail/message.txt") Template text,
                 MailConfig config, Unsubscribes unsubscribes) {
        this.json = json;
        this.html = html;
        this.text = text;
        this.portalUrl = config.portalUrl();
        this.unsubscribes = unsubscribes;
    }

    /** Without the reader's contact and party: no preferences link, no unsubscribe, no "your turn". */
    public Mail compose(String eventType, String purpose, String data, String language, String name) {
        return compose(eventType, purpose, data, language, Reader.unknown(name));
    }

    /** To this reader (see {@link Reader#of}): its party's role in the event, its preferences, its unsubscribe link. */
    public Mail compose(String eventType, String purpose, String data, String language, Reader reader) {
        EventType type = type(eventType);
        return told(type, purpose, payload(type, data), language).to(withParty(reader));
    }

    /**
     * Emails for many deliveries (one round's, in one transaction): what an event says in a language is worked out once
     * (its data read, its names looked up, its sentences made) and only the reader's parts per email.
     */
    public Batch batch() {
        return new Batch();
    }

    public final class Batch {

        private record Key(String eventId, String purpose, String language) {
        }

        private final Map<Key, Told> told = new HashMap<>();
        /** Each event's data, read once however many languages and purposes it is told in. */
        private final Map<String, Record> payloads = new HashMap<>();

        private Batch() {
        }

        /** As {@link MailComposer#compose(String, String, String, String, Reader)}; {@code eventId} names the data. */
        public Mail compose(String eventId, String eventType, String purpose, String data, String language, Reader reader) {
            Told t = told.computeIfAbsent(new Key(eventId, purpose, language), key -> {
                EventType type = type(eventType);
                return told(type, purpose, payloads.computeIfAbsent(eventId, id -> payload(type, data)), language);
            });
            return t.to(withParty(reader));
        }
    }

    /** An event told in a language, before it is addressed to a reader. */
    private final class Told {
        private final EventType type;
        private final String purpose;
        private final MailMessages w;
        private final MailWords words;
        private final Content content;

        Told(EventType type, String purpose, MailMessages w, MailWords words, Content content) {
            this.type = type;
            this.purpose = purpose;
            this.w = w;
            this.words = words;
            this.content = content;
        }

        /** Why a contact of a party is told, by party (its name looked up once). */
        private final Map<String, String> whys = new HashMap<>();
        /** Rendered once per shape, with placeholders for the greeting and the unsubscribe link. */
        private final Map<Shape, Mail> rendered = new HashMap<>();

        Mail to(Reader to) {
            Boolean yourTurn = content.turn().of(to);
            // Optional: a notice the contact may turn off (a receipt answers its own city's action).
            Footer footer = footer(to, w, words, whys, true,
                    () -> Delivery.RECEIPT.equals(purpose) ? null : unsubscribes.url(to.contactId(), type));
            Mail shared = rendered.computeIfAbsent(new Shape(yourTurn, footer.why(), footer.preferences(), footer.unsubscribe() != null),
                    shape -> render(content, yourTurn, Boolean.TRUE.equals(yourTurn) ? w.your_turn() : w.expected(), null,
                            List.of(), GREETING, new Footer(footer.why(), footer.preferences(),
                                    footer.unsubscribe() == null ? null : UNSUBSCRIBE, Map.of()), w, words));
            String greeting = w.greeting(to.name() == null ? "" : to.name());
            String html = shared.html().replace(GREETING, HTML.escape(greeting));
            String text = shared.text().replace(GREETING, greeting);
            if (footer.unsubscribe() != null) {
                html = html.replace(UNSUBSCRIBE, HTML.escape(footer.unsubscribe()));
                text = text.replace(UNSUBSCRIBE, footer.unsubscribe());
            }
            return new Mail(shared.subject(), html, text, footer.headers());
        }
    }

    /** What readers of one event whose emails differ only in greeting and unsubscribe link have in common. */
    private record Shape(Boolean yourTurn, String why, String preferences, boolean unsubscribe) {
    }

    /**
     * Stand-ins for the reader's own parts in a shared rendering: private-use characters around a random id, which no
     * text of ours or of a user's carries and which escaping leaves as they are.
     */
    private static final String GREETING = "\uE000" + UUID.randomUUID() + "\uE001";
    private static final String UNSUBSCRIBE = "\uE000" + UUID.randomUUID() + "\uE001";

    /** The replacements of Qute's HTML escaper: the reader's parts go in as if the HTML template had rendered them. */
    private static final Escaper HTML = Escaper.builder().add('"', "&quot;").add('\'', "&#39;").add('&', "&amp;")
            .add('<', "&lt;").add('>', "&gt;").build();

    private Told told(EventType type, String purpose, Record payload, String language) {
        MailMessages w = words(language);
        MailWords words = mailWords(language);
        return new Told(type, purpose, w, words, content(type, purpose, payload, w, words));
    }

    public Mail digest(List<Line> lines, String language, String name) {
        return digest(lines, language, Reader.unknown(name));
    }

    /**
     * A contact's daily digest: like any optional notice, with its preferences link and a one-click unsubscribe (which
     * turns the contact's emails off, the digest gathering every kind).
     */
    public Mail digest(List<Line> lines, String language, Reader reader) {
        Reader to = withParty(reader);
        MailMessages w = words(language);
        MailWords words = mailWords(language);
        List<Item> items = lines.stream().map(l -> new Item(Block.of(l.subject()), Block.of(l.body()), l.link())).toList();
        Content c = new Content(w.digest_subject(lines.size()), null, List.of(), List.of(), null, null, null, null);
        Footer footer = footer(to, w, words, new HashMap<>(), false, () -> unsubscribes.digestUrl(to.contactId()));
        return render(c, null, null, w.digest_intro(), items, w.greeting(to.name() == null ? "" : to.name()), footer, w, words);
    }

    /** Why the reader gets it, its preferences and unsubscribe link (a contact's only), and the headers that go with them. */
    private record Footer(String why, String preferences, String unsubscribe, Map<String, String> headers) {
    }

    /**
     * A contact of a party: its preferences and, where {@code unsubscribe} gives one, a one-click unsubscribe (RFC 8058).
     * Anyone else: why it is told ({@code council}: as a council member or the secretariat, when the caller said so).
     */
    private Footer footer(Reader reader, MailMessages w, MailWords words, Map<String, String> whys, boolean council,
                          Supplier<String> unsubscribe) {
        if (reader.known() && reader.contactId() != null && reader.partyCode() != null) {
            Map<String, String> headers = new LinkedHashMap<>();
            String url = unsubscribe.get();
            if (url != null) {
                headers.put("List-Unsubscribe", "<" + url + ">");
                headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            String why = whys.computeIfAbsent(reader.partyCode(), party -> words.polish(w.footer_contact(words.party(party))));
            return new Footer(why,
                    portal("/app/contacts?party=" + reader.partyCode()), url, Collections.unmodifiableMap(headers)); // in the order written
        }
        return new Footer(reader.known() && council ? w.footer_council() : w.footer_generic(), null, null, Map.of());
    }

    /** The HTML and text parts of a notice ({@code items} empty) or a digest ({@code intro} and its items). */
    private Mail render(Content c, Boolean yourTurn, String actionHeading, String intro, List<Item> items, String greeting,
                        Footer footer, MailMessages w, MailWords words) {
        TemplateInstance h = html.instance();
        TemplateInstance t = text.instance();
        for (TemplateInstance i : List.of(h, t)) {
            i.data("lang", words.language()).data("dir", "ar".equals(words.language()) ? "rtl" : "ltr")
                    .data("subject", c.subject()).data("greeting", greeting)
                    .data("summary", Block.of(c.summary())).data("facts", c.facts()).data("quotes", c.quotes())
                    .data("actionHeading", actionHeading).data("action", Block.of(c.action())).data("yourTurn", yourTurn)
                    .data("link", c.link()).data("linkLabel", c.linkLabel()).data("colon", w.colon())
                    .data("intro", intro).data("items", items).data("why", Block.of(footer.why()))
                    .data("preferences", footer.preferences()).data("preferencesLabel", w.footer_preferences())
                    .data("unsubscribe", footer.unsubscribe()).data("unsubscribeLabel", w.footer_unsubscribe());
        }
        return new Mail(c.subject(), h.render(), t.render(), footer.headers());
    }

    /** A contact reader's party, from the read model, when the caller gave only the contact. */
    private static Reader withParty(Reader reader) {
        if (reader.known() && reader.contactId() != null && reader.partyCode() == null) {
            KnownContact contact = KnownContact.findById(reader.contactId());
            return new Reader(reader.contactId(), contact == null ? null : contact.partyCode, reader.name(), true);
        }
        return reader;
    }

    /** {@code purpose}: {@link Delivery#RECEIPT} tells the submitting city its request arrived; else a notice of the event. */
    public Line line(String eventType, String purpose, String data, String language) {
        EventType type = type(eventType);
        Content c = content(type, purpose, payload(type, data), words(language), mailWords(language));
        return new Line(c.subject(), c.summary(), c.link());
    }

    private Content content(EventType type, String purpose, Record payload, MailMessages w, MailWords words) {
        if (Delivery.RECEIPT.equals(purpose) && type != EventType.REQUEST_SUBMITTED) {
            throw new IllegalArgumentException("no receipt for " + type.type());
        }
        if (payload instanceof ExchangeRequestChanged r) {
            return request(type, Delivery.RECEIPT.equals(purpose), r, w, words);
        } else if (payload instanceof VisitChanged v) {
            return visit(type, v, w, words);
        } else if (payload instanceof AgreementStatusChanged a) {
            return agreement(a, w, words);
        } else if (payload instanceof RenewalDue r) {
            return renewal(r, w, words);
        } else if (payload instanceof RelationshipDormant d) {
            return dormant(d, w, words);
        }
        throw new IllegalArgumentException("no mail for " + type.type());
    }

    private Content request(EventType type, boolean receipt, ExchangeRequestChanged r, MailMessages w, MailWords words) {
        String start = words.date(r.windowStart());
        String end = words.date(r.windowEnd());
        Tally t = r.tally();
        String votes = t == null ? null : w.votes(t.approve(), t.reject(), t.abstain(), t.requestChanges());
        MailModel m = new MailModel(Bidi.isolate(r.title()), String.valueOf(r.requestId()), words.party(r.requestingParty()),
                words.party(r.partnerParty()), words.parties(Arrays.asList(r.requestingParty(), r.partnerParty()), w.and()),
                words.domain(r.domain()), words.status(Kind.REQUEST, r.status()), r.status(), null, start,
                end, start == null ? null : w.period(start, end), start, votes, null, null, false);
        List<Fact> facts = new ArrayList<>();
        fact(facts, words, w.label_number(), m.number());
        fact(facts, words, words.role("requesting"), m.partyA());
        fact(facts, words, words.role("partner"), m.partyB());
        fact(facts, words, w.label_domain(), m.domain());
        fact(facts, words, w.label_period(), m.period());
        fact(facts, words, w.label_status(), m.status());
        if (t != null && t.approve() + t.reject() + t.abstain() + t.requestChanges() > 0) {
            fact(facts, words, w.label_votes(), votes);
        }
        List<Quote> quotes = new ArrayList<>();
        if (type != EventType.REQUEST_ESCALATED) { // an escalation's reason is the watcher's, not a person's
            quote(quotes, w.quote_reason(by(r.actor())), r.reason());
        }
        String actor = receipt ? NOBODY : switch (type) {
            case REQUEST_SUBMITTED, REQUEST_ESCALATED -> COUNCIL;
            case REQUEST_DECIDED -> "APPROVED".equals(r.status()) ? r.requestingParty() : NOBODY;
            case CHANGES_REQUESTED -> r.requestingParty();
            case REQUEST_RESUMED -> "CHANGES_REQUESTED".equals(r.status()) ? r.requestingParty() : COUNCIL;
            default -> NOBODY;
        };
        return content(words, w, receipt ? "request_received" : key(type), m, facts, quotes,
                turn(actor, r.requestingParty(), r.partnerParty()),
                r.requestId() == null ? null : portal("/app/requests/" + r.requestId()), w.open_request());
    }

    private Content visit(EventType type, VisitChanged v, MailMessages w, MailWords words) {
        String start = words.date(v.startDate());
        String end = words.date(v.endDate());
        String deadline = switch (type) {
            case VISIT_CONFIRMED -> end;
            default -> start;
        };
        MailModel m = new MailModel(null, String.valueOf(v.visitId()), words.party(v.visitingParty()), words.party(v.hostParty()),
                words.parties(Arrays.asList(v.visitingParty(), v.hostParty()), w.and()), null,
                words.status(Kind.VISIT, v.status()), v.status(), null, start, end,
                start == null ? null : w.period(start, end), deadline, null, null, null, false);
        List<Fact> facts = new ArrayList<>();
        fact(facts, words, words.role("visiting"), m.partyA());
        fact(facts, words, words.role("host"), m.partyB());
        fact(facts, words, w.label_dates(), m.period());
        fact(facts, words, w.label_status(), m.status());
        List<Quote> quotes = new ArrayList<>();
        boolean ahead = type != EventType.VISIT_CANCELLED && type != EventType.VISIT_COMPLETED;
        if (ahead && v.delegation() == null && v.agenda() == null) {
            // An older producer's event carries neither: the visit's page has them.
            fact(facts, words, w.label_delegation_agenda(), w.visit_details_elsewhere());
        } else if (ahead) {
            String comma = "ar".equals(words.language()) ? "\u060c " : ", ";
            lines(quotes, w.quote_delegation(m.partyA()), v.delegation() == null ? List.of() : v.delegation().stream()
                    .map(d -> join(" \u2014 ", Bidi.isolate(blank(d.name())), Bidi.isolate(blank(d.role())))).toList(), words);
            lines(quotes, w.quote_agenda(), v.agenda() == null ? List.of() : v.agenda().stream()
                    .map(a -> join(" \u2014 ", join(comma, words.date(a.day()), Bidi.isolate(blank(a.time()))),
                            Bidi.isolate(blank(a.topic())), Bidi.isolate(blank(a.place())))).toList(), words);
        }
        quote(quotes, w.quote_reason(by(v.actor())), v.reason());
        quote(quotes, w.quote_report(by(v.actor())), v.reportSummary());
        String actor = switch (type) {
            case VISIT_PLANNED -> v.hostParty();
            case VISIT_CONFIRMED -> v.visitingParty();
            case VISIT_FLAGGED -> EVERYONE;
            default -> NOBODY;
        };
        return content(words, w, key(type), m, facts, quotes, turn(actor, v.visitingParty(), v.hostParty()),
                v.visitId() == null ? null : portal("/app/visits/" + v.visitId()), w.open_visit());
    }

    private Content agreement(AgreementStatusChanged a, MailMessages w, MailWords words) {
        String expires = words.date(a.expiresOn());
        MailModel m = new MailModel(Bidi.isolate(a.reference()), null, null, null, words.parties(a.partyCodes(), w.and()),
                words.domains(a.domains()), words.status(Kind.AGREEMENT, a.to()), a.to(),
                words.status(Kind.AGREEMENT, a.from()), null, expires, null, expires, null, null, null, false);
        List<Fact> facts = new ArrayList<>();
        fact(facts, words, w.label_agreement(), m.title());
        fact(facts, words, w.label_parties(), m.parties());
        fact(facts, words, w.label_domain(), m.domain());
        fact(facts, words, w.label_status(), m.status());
        fact(facts, words, w.label_expires(), expires);
        List<Quote> quotes = new ArrayList<>();
        quote(quotes, w.quote_reason(by(a.actor())), a.reason());
        return content(words, w, key(EventType.AGREEMENT_STATUS_CHANGED), m, facts, quotes, turn(NOBODY),
                agreementLink(a.agreementId()), w.open_agreement());
    }

    private Content renewal(RenewalDue r, MailMessages w, MailWords words) {
        String expires = words.date(r.expiresOn());
        MailModel m = new MailModel(Bidi.isolate(r.reference()), null, null, null, words.parties(r.partyCodes(), w.and()), null,
                null, null, null, null, expires, null, expires, null, null, null, r.tacitRenewal());
        List<Fact> facts = new ArrayList<>();
        fact(facts, words, w.label_agreement(), m.title());
        fact(facts, words, w.label_parties(), m.parties());
        fact(facts, words, w.label_expires(), expires);
        fact(facts, words, w.label_notice(), words.date(r.noticeOpenedOn()));
        fact(facts, words, w.label_tacit(), w.yes_no(r.tacitRenewal()));
        return content(words, w, key(EventType.RENEWAL_DUE), m, facts, List.of(), turn(EVERYONE),
                agreementLink(r.agreementId()), w.open_agreement());
    }

    private Content dormant(RelationshipDormant d, MailMessages w, MailWords words) {
        MailModel m = new MailModel(null, null, words.party(d.partyA()), words.party(d.partyB()),
                words.parties(Arrays.asList(d.partyA(), d.partyB()), w.and()), null, null, null, null, null, null, null, null,
                null, d.daysSinceLastVisit(), d.grade(), false);
        List<Fact> facts = new ArrayList<>();
        fact(facts, words, w.label_parties(), m.parties());
        fact(facts, words, w.label_last_visit(), w.last_visit(d.daysSinceLastVisit()));
        if (d.grade() != null) {
            fact(facts, words, w.label_grade(), w.grade(d.grade()));
        }
        return content(words, w, key(EventType.RELATIONSHIP_DORMANT), m, facts, List.of(),
                turn(COUNCIL, d.partyA(), d.partyB()), agreementLink(d.agreementId()), w.open_agreement());
    }

    /**
     * The event's three sentences are the messages named after it (subject_, body_ and action_ + {@code key}, e.g.
     * subject_request_submitted), so that a new kind of mail is its messages and its facts, not another switch.
     */
    private static Content content(MailWords words, MailMessages w, String key, MailModel m, List<Fact> facts,
                                   List<Quote> quotes, Turn turn, String link, String linkLabel) {
        return new Content(words.polish(sentence(w, "subject_", key, m)), words.polish(sentence(w, "body_", key, m)), facts,
                quotes, words.polish(sentence(w, "action_", key, m)), turn, link, link == null ? null : linkLabel);
    }

    private static String sentence(MailMessages w, String part, String key, MailModel m) {
        Method method = SENTENCES.computeIfAbsent(part + key, name -> {
            try {
                return MailMessages.class.getMethod(name, MailModel.class);
            } catch (NoSuchMethodException e) {
                return null;
            }
        });
        if (method == null) {
            throw new IllegalArgumentException("no mail for " + key);
        }
        try {
            return (String) method.invoke(w, m);
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException("no mail for " + key, e);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** The event's messages' name: its constant, in lower case (REQUEST_ON_HOLD: request_on_hold). */
    private static String key(EventType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    private static Turn turn(String actor, String... parties) {
        return new Turn(actor, Arrays.asList(parties));
    }

    private static void fact(List<Fact> facts, MailWords words, String label, String value) {
        if (value != null && !value.isBlank()) {
            String text = words.polish(value);
            facts.add(new Fact(label, Bidi.html(text), text));
        }
    }

    /** A user's words, verbatim: isolated, escaped in HTML, each line quoted in text. */
    private static void quote(List<Quote> quotes, String attribution, String words) {
        if (words == null || words.isBlank()) {
            return;
        }
        String clean = Bidi.clean(words.strip());
        List<String> lines = clean.lines().map(l -> "> " + Bidi.FSI + l + Bidi.PDI).toList();
        quotes.add(new Quote(Bidi.html(attribution), attribution, Bidi.html(clean), lines, "auto"));
    }

    /** Lines of users' words (each piece already isolated), quoted as a block; nothing when there are none. */
    private static void lines(List<Quote> quotes, String attribution, List<String> lines, MailWords words) {
        List<String> present = lines.stream().filter(l -> l != null && !l.isBlank()).toList();
        if (present.isEmpty()) {
            return;
        }
        quotes.add(new Quote(Bidi.html(attribution), attribution, Bidi.html(String.join("\n", present)),
                present.stream().map(l -> "> " + l).toList(), "ar".equals(words.language()) ? "rtl" : "ltr"));
    }

    /** The pieces present, joined. */
    private static String join(String glue, String... pieces) {
        List<String> present = Arrays.stream(pieces).filter(p -> p != null && !p.isBlank()).toList();
        return present.isEmpty() ? null : String.join(glue, present);
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip().replaceAll("\\s+", " "); // one line each
    }

    /** A person's name as the attribution of a quote; null for the platform's own services. */
    private static String by(String actor) {
        if (actor == null || actor.isBlank() || actor.equals("system") || actor.equals("registry") || actor.endsWith("-service")) {
            return null;
        }
        return Bidi.isolate(actor);
    }

    private String agreementLink(UUID agreementId) {
        return agreementId == null ? null : portal("/app/agreements/" + agreementId);
    }

    private String portal(String path) {
        return portalUrl + path;
    }

    private Record payload(EventType type, String data) {
        try {
            return EventData.read(json, type, data);
        } catch (EventData.Unreadable e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EventType type(String eventType) {
        return EventType.of(eventType).orElseThrow(() -> new IllegalArgumentException("no mail for " + eventType));
    }

    /** The language's bundle, looked up once (a bean: the same for every email). */
    private MailMessages words(String language) {
        return bundles.computeIfAbsent(language == null ? "fr" : language,
                l -> MessageBundles.get(MailMessages.class, Localized.Literal.of(l)));
    }

    /** The language's words: its date format made once (party names are still read in the caller's transaction). */
    private MailWords mailWords(String language) {
        return mailWords.computeIfAbsent(language == null ? "fr" : language, MailWords::new);
    }
}
