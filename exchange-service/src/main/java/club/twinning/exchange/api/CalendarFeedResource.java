package club.twinning.exchange.api;

import club.twinning.exchange.config.ExchangeConfig;
import club.twinning.exchange.domain.IssuedFeed;
import club.twinning.exchange.service.CalendarFeeds;
import club.twinning.platform.problem.ProblemException;
import club.twinning.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A person's private calendar feeds: the URL a calendar application subscribes to without any bearer token. */
@Path("/api/calendar-feeds")
@Tag(name = "Visits", description = "Visits planned for approved requests, and the calendar.")
@RolesAllowed({Roles.PARTNER, Roles.COUNCIL, Roles.SECRETARIAT, Roles.OPS})
public class CalendarFeedResource {

    private final CalendarFeeds feeds;
    private final ExchangeConfig config;
    private final JsonWebToken token;
    private final ObjectMapper json;

    CalendarFeedResource(CalendarFeeds feeds, ExchangeConfig config, JsonWebToken token, ObjectMapper json) {
        this.feeds = feeds;
        this.config = config;
        this.token = token;
        this.json = json;
    }

    @POST
    @Operation(operationId = "createCalendarFeed", summary = "Create a private calendar feed URL",
            description = "Any signed-in person (a partner needs a city in its token). The body is optional: {\"lang\": \"fr|ar|en\"}, by default the token's locale, else fr. The answer's url (under the portal's public address) carries a secret token and is shown only here; keep it private, revoke it with DELETE. The feed shows the visits the person may see: a partner its own city's, the council, the secretariat and ops every visit.")
    @APIResponse(responseCode = "201", description = "Created; url (also the Location) is shown only now",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = NewCalendarFeed.class)))
    @RequestBody(required = false, content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = CalendarFeedInput.class)))
    @APIResponse(responseCode = "400", description = "lang is not fr, ar or en; errors names it")
    @APIResponse(responseCode = "403", description = "A partner whose token has no city")
    @Consumes(MediaType.WILDCARD)
    public Response create(String body) {
        String lang = language(body);
        IssuedFeed issued = feeds.create(lang);
        String url = config.portalUrl() + "/calendar/" + issued.token() + ".ics";
        // The feed is what was created, so Location is its (secret) address, as in the body; DELETE goes by id.
        return Response.created(java.net.URI.create(url)).entity(new NewCalendarFeed(issued.feed().id, url,
                issued.feed().lang, issued.feed().createdAt)).build();
    }

    @GET
    @Operation(operationId = "listCalendarFeeds", summary = "List my private calendar feeds",
            description = "The caller's own feeds that are not revoked, newest first, without their URLs.")
    @APIResponse(responseCode = "200", description = "The caller's feeds")
    public List<CalendarFeedView> mine() {
        return feeds.mine().stream().map(CalendarFeedView::of).toList();
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "revokeCalendarFeed", summary = "Revoke one of my private calendar feeds",
            description = "Only its owner; its URL answers 404 from now on.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such feed of the caller's (unknown, someone else's, or revoked already)")
    public Response revoke(@PathParam("id") UUID id) {
        feeds.revoke(id);
        return Response.noContent().build();
    }

    /** The body is optional (a calendar page may POST nothing): {"lang": "fr|ar|en"}, else the token's language. */
    private String language(String body) {
        if (body == null || body.isBlank()) {
            return tokenLanguage();
        }
        CalendarFeedInput input;
        try {
            input = json.readValue(body, CalendarFeedInput.class);
        } catch (IOException e) {
            throw ProblemException.badField("lang", "the body is {\"lang\": \"fr\"}, \"ar\" or \"en\", or nothing");
        }
        if (input == null || input.lang() == null) {
            return tokenLanguage();
        }
        if (!CalendarFeeds.LANGUAGES.contains(input.lang())) {
            throw ProblemException.badField("lang", "fr, ar or en");
        }
        return input.lang();
    }

    /** The token's locale claim (as "ar" or "fr-FR"), when it is one of ours. */
    private String tokenLanguage() {
        Object locale = token == null ? null : token.getClaim("locale");
        String language = locale == null ? "" : locale.toString().replace("\"", "").toLowerCase(Locale.ROOT);
        language = language.length() >= 2 ? language.substring(0, 2) : language;
        return CalendarFeeds.LANGUAGES.contains(language) ? language : "fr";
    }
}
