package club.twinning.platform.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The platform's AsyncAPI document (every topic, event type, payload and the signed webhook), shipped in the
 * events jar, served beside {@code /q/openapi}: YAML, or JSON with {@code ?format=json}. A public contract, so
 * anyone may read it; like {@code /q/openapi} it is not an operation of the service's own API.
 */
@Path("/q/asyncapi")
@PermitAll
public class AsyncApiResource {

    static final String DOCUMENT = "META-INF/asyncapi/twinning.yaml";
    static final String YAML = "application/yaml";

    private final byte[] yaml;
    private final byte[] json;

    public AsyncApiResource() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is missing from the classpath (the events jar ships it)");
            }
            yaml = in.readAllBytes();
            json = new ObjectMapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsBytes(new ObjectMapper(new YAMLFactory()).readTree(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Operation(hidden = true)
    public Response document(@QueryParam("format") String format) {
        boolean asJson = "json".equalsIgnoreCase(format);
        return Response.ok(asJson ? json : yaml, asJson ? "application/json" : YAML + ";charset=UTF-8").build();
    }
}
