package org.carequeue.web.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.zip.ZipFile;
import org.carequeue.web.support.AgainstBuiltWar;
import org.carequeue.web.support.Api;
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
        assertEquals(routesOfTheBuiltWar(), documented);
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

    /** "METHOD /api/..." of every resource method in the built WAR's classes, found by their annotations. */
    private static TreeSet<String> routesOfTheBuiltWar() throws Exception {
        TreeSet<String> routes = new TreeSet<>();
        String applicationPath = null;
        List<Class<?>> resources = new ArrayList<>();
        try (ZipFile war = new ZipFile(new File(System.getProperty("carequeue.war", "target/ROOT.war")))) {
            for (String entry : war.stream().map(e -> e.getName()).toList()) {
                if (entry.startsWith("WEB-INF/classes/") && entry.endsWith(".class") && !entry.contains("$")) {
                    Class<?> type = Class.forName(entry.substring("WEB-INF/classes/".length(), entry.length() - 6)
                            .replace('/', '.'), false, OpenApiDocumentIT.class.getClassLoader());
                    if (type.isAnnotationPresent(ApplicationPath.class)) {
                        applicationPath = type.getAnnotation(ApplicationPath.class).value();
                    }
                    if (type.isAnnotationPresent(Path.class)) {
                        resources.add(type);
                    }
                }
            }
        }
        assertTrue(applicationPath != null && !resources.isEmpty(), "the WAR has a JAX-RS application and resources");
        for (Class<?> resource : resources) {
            for (Method method : resource.getMethods()) {
                String httpMethod = httpMethodOf(method);
                if (httpMethod != null) {
                    routes.add(httpMethod + " " + join(applicationPath, resource.getAnnotation(Path.class).value(),
                            method.isAnnotationPresent(Path.class) ? method.getAnnotation(Path.class).value() : ""));
                }
            }
        }
        return routes;
    }

    private static String httpMethodOf(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    /** Joins path segments as JAX-RS does, dropping template regular expressions ({id: [0-9]+} is {id}). */
    private static String join(String... segments) {
        StringBuilder path = new StringBuilder();
        for (String segment : segments) {
            String trimmed = segment.replaceAll("^/+|/+$", "");
            if (!trimmed.isEmpty()) {
                path.append('/').append(trimmed);
            }
        }
        return path.toString().replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}");
    }
}
