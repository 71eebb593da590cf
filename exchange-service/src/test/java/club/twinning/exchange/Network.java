package club.twinning.exchange;

import static org.awaitility.Awaitility.await;

import club.twinning.events.EventType;
import club.twinning.events.payload.AgreementChanged;
import club.twinning.events.payload.AgreementStatusChanged;
import club.twinning.exchange.replica.KnownAgreement;
import club.twinning.exchange.replica.KnownParty;
import club.twinning.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Plays the registry: announces parties and agreements on Kafka, then waits for the read model to have them. */
final class Network {

    private Network() {
    }

    /**
     * A party's expertise, written straight into this test database's replica. Announcing it on the shared topic
     * would overwrite the running stack's copy of a real city (its names too), with a version no later event beats.
     */
    static void expertise(String code, List<String> domains) {
        replica(code, party -> {
            party.nameFr = party.nameFr == null ? code : party.nameFr;
            party.expertiseDomains = new java.util.ArrayList<>(domains);
        });
    }

    /** A party's names and place, written straight into this test database's replica (see expertise). */
    static void place(String code, String fr, String ar, String en, double latitude, double longitude) {
        replica(code, party -> {
            party.nameFr = fr;
            party.nameAr = ar;
            party.nameEn = en;
            party.latitude = latitude;
            party.longitude = longitude;
        });
    }

    /** Changes (or makes) the replica's copy of a party, in a transaction of its own. */
    private static void replica(String code, java.util.function.Consumer<KnownParty> change) {
        QuarkusTransaction.requiringNew().run(() -> {
            KnownParty party = KnownParty.<KnownParty>findByIdOptional(code).orElseGet(() -> KnownParty.of(code));
            change.accept(party);
            party.persist();
        });
    }

    /** An agreement in force between the two parties, as the registry would announce it; returns its id. */
    static UUID agreementInForce(TestEvents events, String a, String b) {
        UUID id = UUID.randomUUID();
        events.publish(EventType.AGREEMENT_CREATED, id.toString(), new AgreementChanged(id, "T-" + id, "TWINNING", "DRAFT",
                "Jumelage", null, null, List.of(a, b), List.of("culture"), LocalDate.of(2025, 10, 31), null, null, List.of(),
                "secretariat", 0));
        status(events, id, a, b, "SIGNED", "IN_FORCE", 4);
        awaitStatus(id, "IN_FORCE");
        return id;
    }

    static void status(TestEvents events, UUID id, String a, String b, String from, String to, long version) {
        status(events, id, a, b, from, to, version, "test");
    }

    static void status(TestEvents events, UUID id, String a, String b, String from, String to, long version, String reason) {
        events.publish(EventType.AGREEMENT_STATUS_CHANGED, id.toString(), new AgreementStatusChanged(id, "T-" + id,
                "TWINNING", List.of(a, b), List.of("culture"), from, to, null, "secretariat", reason, Instant.now(), version));
    }

    static void awaitStatus(UUID id, String status) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                QuarkusTransaction.requiringNew().call(() -> {
                    KnownAgreement view = KnownAgreement.findById(id);
                    return view != null && status.equals(view.status);
                }));
    }
}
