package org.carequeue.web.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.carequeue.web.support.AgainstBuiltWar;
import org.carequeue.web.support.Api;
import org.carequeue.web.support.WarInventory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document the running CareQueue serves at /openapi: valid OpenAPI 3 by swagger-parser,
 * complete (every JAX-RS route of the built WAR is in it, and nothing else) and written to the
 * project's conventions (a summary, a success schema and problem+json errors per operation).
 */
class OpenApiDocumentIT extends AgainstBuiltWar {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ObjectNode served;

    @BeforeEach
    void fetchTheDocument() throws IOException {
        Api.Reply reply = api().get("openapi", null, "application/json").expect(200);
        // Kept for reading (and for checking other tools against it) after the run.
        java.nio.file.Path copy = java.nio.file.Path.of("target", "openapi",
                System.getProperty("carequeue.it.database", "it") + ".json");
        Files.createDirectories(copy.getParent());
        Files.writeString(copy, reply.body());
        served = (ObjectNode) JSON.readTree(reply.body());
        // Payara adds a top-level list of the deployment's endpoints, which is not an OpenAPI field.
        served.remove("endpoints");
    }

    @Test
    void theServedDocumentIsValidOpenApi() {
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(served.toString(), null, new ParseOptions());
        assertEquals(List.of(), result.getMessages(), "swagger-parser's validation messages");
        assertEquals("CareQueue", result.getOpenAPI().getInfo().getTitle());
        assertEquals("/", result.getOpenAPI().getServers().get(0).getUrl(), "the server is relative");
    }

    @Test
    void everyRouteOfTheWarIsDocumentedAndNothingElse() throws Exception {
        TreeSet<String> documented = new TreeSet<>();
        served.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(
                method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        assertEquals(WarInventory.routes(), documented);
    }

    @Test
    void everyOperationHasASummaryASuccessSchemaAndProblemErrors() {
        ParseOptions options = new ParseOptions();
        options.setResolveFully(true);
        OpenAPI document = new OpenAPIV3Parser().readContents(served.toString(), null, options).getOpenAPI();
        List<String> faults = new ArrayList<>();
        document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String name = method + " " + path;
            if (operation.getSummary() == null || operation.getSummary().isBlank()) {
                faults.add(name + ": no summary");
            }
            if (operation.getOperationId() == null) {
                faults.add(name + ": no operationId");
            }
            if (!hasDocumentedSuccess(operation)) {
                faults.add(name + ": no 2xx response with a schema for each media type (or 204)");
            }
            if (!hasProblemError(operation)) {
                faults.add(name + ": no 4xx response with an application/problem+json schema");
            }
        }));
        assertEquals(List.of(), faults);
    }

    /** Payara writes an annotated {@code @Schema}'s unset members as constraints; such a schema refuses real answers. */
    @Test
    void noSchemaCarriesAnnotationDefaultsAsConstraints() {
        List<String> found = new ArrayList<>();
        served.findParents("maxProperties").forEach(schema -> {
            if (schema.get("maxProperties").asInt() == 0) {
                found.add(schema.toString());
            }
        });
        assertEquals(List.of(), found, "write shared schemas in ApiModel or use @APIResponseSchema");
    }

    private static boolean hasDocumentedSuccess(Operation operation) {
        return operation.getResponses().entrySet().stream().anyMatch(response -> response.getKey().startsWith("2")
                && (response.getKey().equals("204") || everyMediaTypeHasASchema(response.getValue().getContent())));
    }

    private static boolean everyMediaTypeHasASchema(Content content) {
        return content != null && !content.isEmpty()
                && content.values().stream().allMatch(media -> media.getSchema() != null);
    }

    private static boolean hasProblemError(Operation operation) {
        return operation.getResponses().entrySet().stream().anyMatch(response -> response.getKey().startsWith("4")
                && isProblem(response.getValue()));
    }

    private static boolean isProblem(ApiResponse response) {
        return response.getContent() != null && response.getContent().get("application/problem+json") != null
                && response.getContent().get("application/problem+json").getSchema() != null;
    }
}
