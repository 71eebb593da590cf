package club.twinning.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * The cooperation domains, one taxonomy for the registry (agreements, party expertise) and the exchange
 * (requests, matching). Events and APIs carry the {@link #code()}.
 */
public enum CooperationDomain {
    CULTURE("culture", "Culture", "الثقافة", "Culture"),
    YOUTH("youth", "Jeunesse", "الشباب", "Youth"),
    HERITAGE("heritage", "Patrimoine matériel et immatériel", "التراث المادي واللامادي", "Tangible and intangible heritage"),
    ACADEMIC_RESEARCH("academic-research", "Recherche scientifique", "البحث العلمي", "Academic research"),
    PUBLIC_SERVICES("public-services", "Modernisation des services publics", "تحديث المرافق العمومية", "Public services"),
    DESERT_LAND_MANAGEMENT("desert-land-management", "Gestion des espaces désertiques", "تدبير المجالات الصحراوية", "Desert and land management"),
    TRADE("trade", "Commerce", "التجارة", "Trade"),
    TOURISM("tourism", "Tourisme", "السياحة", "Tourism"),
    SUSTAINABLE_DEVELOPMENT("sustainable-development", "Développement durable", "التنمية المستدامة", "Sustainable development"),
    ECOLOGICAL_TRANSITION("ecological-transition", "Transition écologique", "الانتقال الإيكولوجي", "Ecological transition"),
    SOCIAL_COHESION("social-cohesion", "Cohésion sociale", "التماسك الاجتماعي", "Social cohesion"),
    LOCAL_GOVERNANCE("local-governance", "Gouvernance locale", "الحكامة المحلية", "Local governance"),
    TRAINING("training", "Formation et échange d'expériences", "التكوين وتبادل الخبرات", "Training and exchange of experience");

    private final String code;
    private final String fr;
    private final String ar;
    private final String en;

    CooperationDomain(String code, String fr, String ar, String en) {
        this.code = code;
        this.fr = fr;
        this.ar = ar;
        this.en = en;
    }

    public String code() {
        return code;
    }

    /** The label in fr, ar or en (French for any other language). */
    public String label(String language) {
        return switch (language == null ? "fr" : language) {
            case "ar" -> ar;
            case "en" -> en;
            default -> fr;
        };
    }

    public static Optional<CooperationDomain> of(String code) {
        return Arrays.stream(values()).filter(d -> d.code.equals(code)).findFirst();
    }
}
