package club.twinning.platform.problem;

import club.twinning.events.CooperationDomain;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * What every service's OpenAPI document says the same way, so that no resource repeats it: each 4xx/5xx answer is a
 * {@link Problem} (one shared schema, with an example), a 201 carries {@code Location}, a secured operation can
 * answer 401 and 403, the cooperation domains are an enum, and the caller is a bearer JWT whose realm roles the
 * operation lists (OpenAPI 3.1 role names, not OIDC scopes). Runs at start, after Quarkus' own security filter.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUN)
public class ProblemDocumentation implements OASFilter {

    public static final String SCHEME = "bearer";
    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final String DOMAIN_REF = "#/components/schemas/CooperationDomain";
    private static final List<String> OPERATION_KEYS = List.of("GET", "PUT", "POST", "DELETE", "PATCH");

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(OASFactory.createComponents());
        }
        var components = api.getComponents();
        components.addSchema("FieldError", fieldErrorSchema());
        components.addSchema("Problem", problemSchema());
        components.addSchema("CooperationDomain", domainSchema());
        components.setSecuritySchemes(new LinkedHashMap<>(Map.of(SCHEME, bearerScheme())));
        boolean domainsUsed = false;
        for (Schema schema : components.getSchemas().values()) {
            domainsUsed |= domainsAsEnum(schema) || refersTo(schema, DOMAIN_REF);
        }
        info(api);
        Set<String> tags = new LinkedHashSet<>();
        Set<String> domainParameters = new LinkedHashSet<>();
        if (api.getPaths() != null && api.getPaths().getPathItems() != null) {
            api.getPaths().getPathItems().forEach((path, item) -> operations(item).forEach((method, operation) -> {
                platformOperation(path, operation);
                security(operation);
                responses(operation);
                if (operation.getParameters() != null) {
                    operation.getParameters().stream().filter(p -> "domain".equals(p.getName()) && p.getSchema() != null)
                            .forEach(p -> {
                                p.setSchema(OASFactory.createSchema().ref(DOMAIN_REF));
                                domainParameters.add(path);
                            });
                }
                if (operation.getTags() != null) {
                    tags.addAll(operation.getTags());
                }
            }));
        }
        if (!domainsUsed && domainParameters.isEmpty()) {
            components.removeSchema("CooperationDomain"); // a service without domains: no unused component
        }
        // Every tag an operation uses is declared (a class-level @Tag may carry its description).
        Set<String> declared = api.getTags() == null ? Set.of()
                : api.getTags().stream().map(t -> t.getName()).collect(Collectors.toSet());
        tags.stream().filter(t -> !declared.contains(t))
                .forEach(t -> api.addTag(OASFactory.createTag().name(t).description(t + " operations")));
    }

    private static Map<String, Operation> operations(PathItem item) {
        Map<String, Operation> operations = new LinkedHashMap<>();
        item.getOperations().forEach((method, operation) -> {
            if (OPERATION_KEYS.contains(method.name())) {
                operations.put(method.name(), operation);
            }
        });
        return operations;
    }

    private static void info(OpenAPI api) {
        var info = api.getInfo() == null ? OASFactory.createInfo() : api.getInfo();
        if (info.getDescription() == null) {
            info.setDescription("An API of the Twinning Club platform (the register of agreements, the exchange of expertise, "
                    + "notifications). Every refusal is an RFC 9457 problem (application/problem+json) naming each offending "
                    + "field as a JSON path such as agenda[0].time. Events are described by the AsyncAPI document at /q/asyncapi.");
        }
        if (info.getContact() == null) {
            info.setContact(OASFactory.createContact().name("Twinning Club secretariat").url("https://twinning.club"));
        }
        api.setInfo(info);
        if (api.getServers() == null || api.getServers().isEmpty()) {
            api.addServer(OASFactory.createServer().url("/").description("this service, where this document is served"));
        }
    }

    /** The platform's own endpoints (its api package) are documented here, once for every service. */
    private static void platformOperation(String path, Operation operation) {
        if ("/api/ping".equals(path) && operation.getOperationId() == null) {
            operation.operationId("ping").summary("Show who the token says the caller is")
                    .description("Answers the service's name and what it read from the caller's token: user, realm roles "
                            + "and city. Any authenticated caller with a realm role; useful to check a token.")
                    .tags(List.of("Platform"));
        }
        if ("/api/ops/messaging".equals(path) && operation.getOperationId() == null) {
            operation.operationId("messagingStatus").summary("Show the outbox backlog and processed-event count")
                    .description("How many events wait in this service's outbox to be published to Kafka, and how many "
                            + "incoming events it has processed. Operators only (role ops).")
                    .tags(List.of("Platform"));
        }
    }

    /** Auto security lists the @RolesAllowed roles under Quarkus' scheme: keep them, under our bearer scheme. */
    private static void security(Operation operation) {
        if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
            return;
        }
        Set<String> roles = new LinkedHashSet<>();
        boolean secured = false;
        for (SecurityRequirement requirement : operation.getSecurity()) {
            if (requirement.getSchemes() != null) {
                for (List<String> listed : requirement.getSchemes().values()) {
                    secured = true;
                    roles.addAll(listed == null ? List.of() : listed);
                }
            }
        }
        if (!secured) {
            return;
        }
        operation.setSecurity(new ArrayList<>(List.of(OASFactory.createSecurityRequirement().addScheme(SCHEME, new ArrayList<>(roles)))));
        var responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        responses.addAPIResponse("401", OASFactory.createAPIResponse()
                .description("No valid bearer token (missing, expired, or not signed by the realm)"));
        if (!roles.isEmpty()) {
            APIResponse forbidden = responses.getAPIResponse("403");
            String why = "The token has none of the realm roles " + String.join(", ", roles);
            responses.addAPIResponse("403", OASFactory.createAPIResponse().description(forbidden == null
                    || forbidden.getDescription() == null || forbidden.getDescription().equals("Not Allowed")
                    ? why : why + "; or: " + forbidden.getDescription()));
        }
    }

    private static void responses(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return;
        }
        operation.getResponses().getAPIResponses().forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                int status = Integer.parseInt(code);
                response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref(PROBLEM_REF))
                        .example(example(status, response.getDescription()))));
            }
            if (code.equals("201") && (response.getHeaders() == null || !response.getHeaders().containsKey("Location"))) {
                response.addHeader("Location", OASFactory.createHeader().description("The URL of what was created")
                        .schema(OASFactory.createSchema().addType(SchemaType.STRING).format("uri-reference")));
            }
        });
    }

    private static Map<String, Object> example(int status, String description) {
        String slug = switch (status) {
            case 400 -> "invalid-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 409 -> "conflict";
            case 412 -> "precondition-failed";
            case 415 -> "unsupported-media-type";
            case 422 -> "unprocessable";
            case 428 -> "precondition-required";
            case 503 -> "database-unavailable";
            default -> "error";
        };
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", ProblemTypes.uri(slug).toString());
        example.put("title", slug.substring(0, 1).toUpperCase() + slug.substring(1).replace('-', ' '));
        example.put("status", status);
        example.put("detail", description == null ? "why the request was refused" : description);
        if (status == 400 || status == 422) {
            example.put("errors", List.of(Map.of("field", "title", "message", "must not be blank")));
        }
        return example;
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("An RFC 9457 problem. `type` is a stable identifier (urn:twinning:problem:…) to switch on; "
                        + "`errors` names each offending field as a JSON path (agenda[0].time), a parameter or a header; "
                        + "some problems add members a client needs (for instance `allowed` transitions or an `incident` id).")
                .required(List.of("type", "title", "status"))
                .addProperty("type", OASFactory.createSchema().addType(SchemaType.STRING).format("uri")
                        .examples(List.of("urn:twinning:problem:invalid-request")))
                .addProperty("title", OASFactory.createSchema().addType(SchemaType.STRING))
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32"))
                .addProperty("detail", OASFactory.createSchema().addType(SchemaType.STRING))
                .addProperty("instance", OASFactory.createSchema().addType(SchemaType.STRING).description("the request path"))
                .addProperty("errors", OASFactory.createSchema().addType(SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref("#/components/schemas/FieldError")))
                .additionalPropertiesBoolean(true);
    }

    private static Schema fieldErrorSchema() {
        return OASFactory.createSchema().addType(SchemaType.OBJECT).required(List.of("field", "message"))
                .addProperty("field", OASFactory.createSchema().addType(SchemaType.STRING)
                        .description("a JSON path into the body (window.end, agenda[0].time), or a parameter or header name"))
                .addProperty("message", OASFactory.createSchema().addType(SchemaType.STRING));
    }

    private static Schema domainSchema() {
        String labels = Arrays.stream(CooperationDomain.values())
                .map(d -> "`" + d.code() + "`: " + d.label("fr") + " / " + d.label("ar") + " / " + d.label("en"))
                .collect(Collectors.joining("; "));
        return OASFactory.createSchema().addType(SchemaType.STRING)
                .description("A cooperation domain code. Names in fr/ar/en: GET /api/domains on registry-service. " + labels)
                .enumeration(Arrays.stream(CooperationDomain.values()).map(d -> (Object) d.code()).toList());
    }

    /** Whether the schema, or one nested in it, points at {@code ref}. */
    private static boolean refersTo(Schema schema, String ref) {
        if (schema == null) {
            return false;
        }
        if (ref.equals(schema.getRef()) || refersTo(schema.getItems(), ref)) {
            return true;
        }
        return schema.getProperties() != null && schema.getProperties().values().stream().anyMatch(p -> refersTo(p, ref));
    }

    /** A property named domain (a code) or …domains (a list of codes) holds cooperation domain codes; true if any did. */
    private static boolean domainsAsEnum(Schema schema) {
        if (schema.getProperties() == null) {
            return false;
        }
        boolean found = false;
        for (var property : new ArrayList<>(schema.getProperties().entrySet())) {
            String name = property.getKey();
            Schema value = property.getValue();
            if (name.equals("domain") && value.getType() != null && value.getType().contains(SchemaType.STRING)) {
                schema.addProperty(name, OASFactory.createSchema().ref(DOMAIN_REF).description(value.getDescription()));
                found = true;
            } else if ((name.equals("domains") || name.endsWith("Domains")) && value.getItems() != null) {
                value.setItems(OASFactory.createSchema().ref(DOMAIN_REF));
                found = true;
            }
        }
        return found;
    }

    private static SecurityScheme bearerScheme() {
        return OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("An access token of the Keycloak realm `twinning` (token endpoint "
                        + "{keycloak}/realms/twinning/protocol/openid-connect/token), sent as `Authorization: Bearer <token>`. "
                        + "What a caller may do comes from the token's realm roles (claim realm_access.roles): `partner` "
                        + "(a partner city's staff), `council` (the council of experts), `secretariat` (the club's "
                        + "secretariat) and `ops` (operators). Each operation lists the roles that may call it (any one "
                        + "suffices); these are role names, not OAuth scopes. A partner's token also carries the `city` "
                        + "claim, the code of its party (for instance es-semara): a partner reads and changes only its own "
                        + "city's requests, contacts and deliveries, and acts for that city.");
    }
}
