package club.twinning.portal.web;

import static club.twinning.portal.client.ServiceProblem.call;

import club.twinning.portal.i18n.Labels;
import club.twinning.portal.i18n.Messages;
import club.twinning.portal.i18n.Names;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The council's and the secretariat's dashboard: where requests wait, how often cities visit, which twinnings sleep. */
@Path("/app/dashboard")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"council", "secretariat"})
public class DashboardPage {

    private static final int SHOWN_RELATIONSHIPS = 12;

    @Location("DashboardPage/dashboard.html")
    Template dashboard;

    @Inject
    Viewer viewer;

    @Inject
    CouncilFigures figures;

    @Inject
    Labels labels;

    @Inject
    Names names;

    @GET
    public TemplateInstance show(@QueryParam("year") Integer year) {
        CouncilFigures.Snapshot now = call(figures::now);
        Messages msg = MessageBundles.get(Messages.class, io.quarkus.qute.i18n.Localized.Literal.of(viewer.language().code()));
        boolean rtl = viewer.language().dir().equals("rtl");

        List<BarChart.Row> stages = new ArrayList<>();
        now.stages().forEach((stage, count) -> stages.add(new BarChart.Row(labels.of(stage), count.value(), count.shown(),
                "/app/requests?status=" + stage)));
        String[] ageNames = {msg.dash_age_week(), msg.dash_age_month(), msg.dash_age_quarter(), msg.dash_age_older()};
        List<BarChart.Row> ages = new ArrayList<>();
        for (int i = 0; i < ageNames.length; i++) {
            CouncilFigures.Count count = now.ages().get(i);
            ages.add(new BarChart.Row(ageNames[i], count.value(), count.shown(), null));
        }

        int shownYear = year != null && now.years().contains(year) ? year : now.shownYear();
        List<BarChart.Row> visits = now.visits().entrySet().stream()
                .map(e -> {
                    int count = e.getValue().getOrDefault(shownYear, 0);
                    // A year the service answered 1000 visits for may hold more: its counts are "at least".
                    String shown = now.cappedYears().contains(shownYear) ? count + "+" : Integer.toString(count);
                    return new BarChart.Row(relationship(e.getKey()), count, shown, null);
                })
                .filter(r -> r.value() > 0)
                .sorted(Comparator.comparingLong(BarChart.Row::value).reversed())
                .limit(SHOWN_RELATIONSHIPS).toList();
        List<VisitRow> visitTable = now.visits().entrySet().stream()
                .map(e -> new VisitRow(relationship(e.getKey()), now.years().stream().map(y -> e.getValue().getOrDefault(y, 0)).toList()))
                .toList();

        List<BarChart.Row> grades = new ArrayList<>();
        now.grades().forEach((grade, count) -> grades.add(BarChart.Row.of(gradeName(msg, grade), count)));

        return viewer.render(dashboard
                .data("stages", BarChart.of("chart-stages", msg.dash_stages(), msg.dash_requests(), stages, rtl))
                .data("ages", BarChart.of("chart-ages", msg.dash_ages(), msg.dash_requests(), ages, rtl))
                .data("waiting", now.longestWaiting())
                .data("visits", BarChart.of("chart-visits", msg.dash_visits_in(shownYear), msg.dash_visits_count(), visits, rtl))
                .data("visitTable", visitTable).data("years", now.years()).data("year", shownYear)
                .data("visitsCapped", !now.cappedYears().isEmpty())
                .data("grades", BarChart.of("chart-grades", msg.dash_grades(), msg.dash_relationships_count(), grades, rtl))
                .data("relationships", now.relationships())
                .data("cap", CouncilFigures.CAP).data("at", now.at().toString()));
    }

    /** A row of the visits table: the relationship, then its visits in each year shown. */
    public record VisitRow(String relationship, List<Integer> counts) {
    }

    private String relationship(String pair) {
        String[] cities = pair.split("\\|", 2);
        return names.party(cities[0]) + " – " + names.party(cities[1]);
    }

    static String gradeName(Messages msg, String grade) {
        return switch (grade) {
            case "A" -> msg.dash_grade_a();
            case "B" -> msg.dash_grade_b();
            case "C" -> msg.dash_grade_c();
            case "D" -> msg.dash_grade_d();
            default -> grade;
        };
    }
}
