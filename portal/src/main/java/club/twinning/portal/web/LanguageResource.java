package club.twinning.portal.web;

import club.twinning.portal.i18n.Language;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The language switch: remembers the choice for a year and goes back to the page. */
@Path("/lang")
@PermitAll
public class LanguageResource {

    @GET
    @Path("/{code}")
    public Response choose(@PathParam("code") String code, @QueryParam("back") String back) {
        Language language = Language.of(code).orElse(Language.FR);
        // Only a local path: never an open redirect.
        String target = back != null && back.startsWith("/") && !back.startsWith("//") ? back : "/";
        NewCookie cookie = new NewCookie.Builder(Viewer.LANGUAGE_COOKIE).value(language.code()).path("/")
                .maxAge(365 * 24 * 3600).sameSite(NewCookie.SameSite.LAX).build();
        return Response.seeOther(URI.create(target)).cookie(cookie).build();
    }
}
