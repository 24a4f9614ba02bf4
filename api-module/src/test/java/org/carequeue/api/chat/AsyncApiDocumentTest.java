package org.carequeue.api.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The chat socket's AsyncAPI document (asyncapi.yaml) is valid AsyncAPI 2.6 by the official JSON
 * Schema (vendored under src/test/resources/asyncapi), and describes every frame type with every
 * field the code knows: {@link ClientFrame}'s types and fields, and each {@link ServerFrame} record.
 */
class AsyncApiDocumentTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonNode document;
    private static JsonSchema asyncApiSchema;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream yaml = resource("/asyncapi.yaml");
             InputStream schema = resource("/asyncapi/asyncapi-2.6.0.schema.json")) {
            document = YAML.readTree(yaml);
            asyncApiSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
        }
    }

    @Test
    void theDocumentIsValidAsyncApi26() {
        assertEquals("2.6.0", document.get("asyncapi").asText());
        assertEquals(Set.of(), asyncApiSchema.validate(document));
    }

    @Test
    void theSchemaRefusesADocumentWithAMistake() {
        ObjectNode broken = document.deepCopy();
        ((ObjectNode) broken.get("channels").get("/api/ws/chat")).putObject("subscribe").put("message", "not a message");
        Set<ValidationMessage> messages = asyncApiSchema.validate(broken);
        assertFalse(messages.isEmpty(), "the vendored schema must catch a wrong message");
    }

    @Test
    void everyClientFrameTypeIsAPublishedMessageAndEveryFieldIsDescribed() throws IllegalAccessException {
        Map<String, Set<String>> described = messagesByType("publish");
        Set<String> types = new TreeSet<>();
        for (var field : ClientFrame.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                types.add((String) field.get(null));
            }
        }
        assertEquals(types, described.keySet(), "the client frame types");
        Set<String> allFields = new HashSet<>();
        described.values().forEach(allFields::addAll);
        Set<String> missing = new TreeSet<>();
        for (RecordComponent component : ClientFrame.class.getRecordComponents()) {
            if (!allFields.contains(component.getName())) {
                missing.add(component.getName());
            }
        }
        assertEquals(Set.of(), missing, "ClientFrame fields no message describes");
    }

    @Test
    void everyServerFrameIsASubscribedMessageWithAllItsFields() throws ReflectiveOperationException {
        Map<String, Set<String>> described = messagesByType("subscribe");
        Set<String> sentTypes = new TreeSet<>();
        List<String> faults = new ArrayList<>();
        for (Class<?> frame : ServerFrame.class.getDeclaredClasses()) {
            if (!frame.isRecord()) {
                continue;
            }
            Object instance = sample(frame);
            String type = (String) frame.getMethod("type").invoke(instance);
            sentTypes.add(type);
            Set<String> fields = described.getOrDefault(type, Set.of());
            for (RecordComponent component : frame.getRecordComponents()) {
                if (!fields.contains(component.getName())) {
                    faults.add(type + "." + component.getName());
                }
            }
        }
        assertEquals(sentTypes, described.keySet(), "the server frame types");
        assertEquals(List.of(), faults, "server frame fields the document does not describe");
    }

    /** Type (the payload's {@code type} const) to property names, for the messages of one operation. */
    private static Map<String, Set<String>> messagesByType(String operation) {
        Map<String, Set<String>> byType = new HashMap<>();
        for (JsonNode reference : document.get("channels").get("/api/ws/chat").get(operation).get("message").get("oneOf")) {
            JsonNode payload = resolve(resolve(reference).get("payload"));
            Set<String> properties = new HashSet<>();
            collectProperties(payload, properties);
            JsonNode type = findTypeConst(payload);
            assertTrue(type != null, "a payload without a type const: " + reference);
            byType.put(type.asText(), properties);
        }
        return byType;
    }

    private static void collectProperties(JsonNode schema, Set<String> into) {
        JsonNode resolved = resolve(schema);
        resolved.path("properties").fieldNames().forEachRemaining(into::add);
        resolved.path("allOf").forEach(part -> collectProperties(part, into));
    }

    private static JsonNode findTypeConst(JsonNode schema) {
        JsonNode resolved = resolve(schema);
        JsonNode type = resolved.path("properties").path("type").get("const");
        if (type != null) {
            return type;
        }
        for (JsonNode part : resolved.path("allOf")) {
            JsonNode found = findTypeConst(part);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Follows a local {@code $ref} such as {@code #/components/messages/auth}. */
    private static JsonNode resolve(JsonNode node) {
        JsonNode reference = node.get("$ref");
        if (reference == null) {
            return node;
        }
        JsonNode target = document;
        for (String step : reference.asText().substring(2).split("/")) {
            target = target.get(step);
        }
        return resolve(target);
    }

    /** A frame made by its own factory from placeholder arguments, so its {@code type} is the one the code sends. */
    private static Object sample(Class<?> frame) throws ReflectiveOperationException {
        for (Method factory : frame.getDeclaredMethods()) {
            if (Modifier.isStatic(factory.getModifiers()) && factory.getReturnType() == frame) {
                Object[] arguments = Arrays.stream(factory.getParameterTypes()).map(AsyncApiDocumentTest::placeholder)
                        .toArray();
                return factory.invoke(null, arguments);
            }
        }
        throw new AssertionError(frame + " has no factory");
    }

    private static Object placeholder(Class<?> type) {
        try {
            if (type == long.class || type == Long.class) {
                return 1L;
            }
            if (type == int.class || type == Integer.class) {
                return 1;
            }
            if (type == boolean.class || type == Boolean.class) {
                return true;
            }
            if (type == String.class) {
                return "x";
            }
            if (type == List.class) {
                return List.of();
            }
            if (type.isRecord()) {
                Class<?>[] parameters = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType)
                        .toArray(Class<?>[]::new);
                Constructor<?> canonical = type.getDeclaredConstructor(parameters);
                return canonical.newInstance(Arrays.stream(parameters).map(AsyncApiDocumentTest::placeholder).toArray());
            }
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = AsyncApiDocumentTest.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the class path");
        }
        return in;
    }
}
