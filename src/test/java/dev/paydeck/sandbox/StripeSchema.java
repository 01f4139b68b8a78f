package dev.paydeck.sandbox;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Stripe's object schemas (src/test/resources/stripe/, see its README) and a check of rendered JSON against them:
 * every required field is there; a field whose schema is not nullable is never {@code null} (an object-typed one,
 * such as {@code radar_options}, is an object); values have the schema's type and enum; and no field is rendered
 * that the schema lacks, except the fields of newer API versions the caller names ({@code "component.field"}); a
 * required field that a newer version removed may be missing.
 */
final class StripeSchema {

    private final ObjectNode schemas;
    private final Set<String> newerFields;
    private final Set<String> removedFields;

    private StripeSchema(ObjectNode schemas, Set<String> newerFields, Set<String> removedFields) {
        this.schemas = schemas;
        this.newerFields = newerFields;
        this.removedFields = removedFields;
    }

    static StripeSchema load(Set<String> newerFields) {
        return load(newerFields, Set.of());
    }

    /**
     * With the fields newer API versions add ({@code "component.field"}) and those they removed, which the schema
     * still requires.
     */
    static StripeSchema load(Set<String> newerFields, Set<String> removedFields) {
        JsonMapper json = JsonMapper.builder().build();
        ObjectNode schemas = (ObjectNode) read(json, "/stripe/stripe-schemas.json").at("/components/schemas");
        read(json, "/stripe/sandbox-supplement.json").at("/components/schemas").properties()
                .forEach(entry -> schemas.set(entry.getKey(), entry.getValue()));
        // Credit notes, customer balance transactions and discounts as the sandbox's API version has them.
        read(json, "/stripe/sandbox-supplement-billing.json").at("/components/schemas").properties()
                .forEach(entry -> schemas.set(entry.getKey(), entry.getValue()));
        return new StripeSchema(schemas, newerFields, removedFields);
    }

    private static JsonNode read(JsonMapper json, String resource) {
        try (InputStream in = StripeSchema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + resource);
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What is wrong with {@code value} as the schema {@code component} (e.g. {@code charge}); empty if nothing. */
    List<String> problems(String component, JsonNode value) {
        if (!schemas.has(component)) {
            throw new IllegalArgumentException("No schema " + component);
        }
        List<String> problems = new ArrayList<>();
        check(value, schemas.get(component), component, component, problems);
        return problems;
    }

    private void check(JsonNode value, JsonNode schema, String component, String path, List<String> problems) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asString().substring("#/components/schemas/".length());
            if (!schemas.has(name)) {
                throw new IllegalStateException("No schema " + name + " (referenced at " + path + ")");
            }
            check(value, schemas.get(name), name, path, problems);
            return;
        }
        if (schema.has("anyOf")) {
            // The branch for the value's type (an expandable field: the id's string, or the object), so that a
            // problem inside an object is reported as such, not as "should have been a string".
            List<String> fewest = null;
            for (JsonNode branch : schema.get("anyOf")) {
                if (!accepts(resolve(branch), value)) {
                    continue;
                }
                List<String> branchProblems = new ArrayList<>();
                check(value, branch, component, path, branchProblems);
                if (branchProblems.isEmpty()) {
                    return;
                }
                if (fewest == null || branchProblems.size() < fewest.size()) {
                    fewest = branchProblems;
                }
            }
            problems.addAll(fewest != null ? fewest : List.of(path + ": " + typeOf(value) + ", but Stripe's schema "
                    + "allows none of " + schema.get("anyOf")));
            return;
        }
        Set<String> types = types(schema);
        if (value.isNull()) {
            if (!types.isEmpty() && !types.contains("null")) {
                problems.add(path + ": null, but Stripe's schema says " + String.join(" or ", types)
                        + " (never null)");
            }
            return;
        }
        String type = typeOf(value);
        if (!types.isEmpty() && !types.contains(type) && !(type.equals("integer") && types.contains("number"))) {
            problems.add(path + ": " + type + ", but Stripe's schema says " + String.join(" or ", types));
            return;
        }
        if (schema.has("enum") && schema.get("enum").valueStream().noneMatch(value::equals)) {
            problems.add(path + ": " + value + " is none of " + schema.get("enum"));
        }
        if (value.isObject()) {
            checkObject(value, schema, component, path, problems);
        } else if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(value.get(i), schema.get("items"), component, path + "[" + i + "]", problems);
            }
        }
    }

    private void checkObject(JsonNode value, JsonNode schema, String component, String path,
            List<String> problems) {
        JsonNode properties = schema.path("properties");
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asString()) && !removedFields.contains(component + "." + required.asString())) {
                problems.add(path + "." + required.asString() + ": missing, but Stripe's schema requires it");
            }
        }
        JsonNode additional = schema.path("additionalProperties");
        value.properties().forEach(field -> {
            String name = field.getKey();
            String fieldPath = path + "." + name;
            if (properties.has(name)) {
                check(field.getValue(), properties.get(name), component, fieldPath, problems);
            } else if (additional.isObject()) {
                check(field.getValue(), additional, component, fieldPath, problems);
            } else if (!properties.isMissingNode() && !newerFields.contains(component + "." + name)) {
                problems.add(fieldPath + ": not in Stripe's schema " + component);
            }
        });
    }

    private JsonNode resolve(JsonNode schema) {
        return schema.has("$ref")
                ? schemas.get(schema.get("$ref").asString().substring("#/components/schemas/".length())) : schema;
    }

    /** Whether the schema takes a value of this JSON type at all (its details aside). */
    private boolean accepts(JsonNode schema, JsonNode value) {
        if (schema.has("anyOf")) {
            return schema.get("anyOf").valueStream().anyMatch(branch -> accepts(resolve(branch), value));
        }
        Set<String> types = types(schema);
        String type = typeOf(value);
        return types.isEmpty() || types.contains(type) || (type.equals("integer") && types.contains("number"));
    }

    private static Set<String> types(JsonNode schema) {
        Set<String> types = new LinkedHashSet<>();
        JsonNode type = schema.get("type");
        if (type != null && type.isArray()) {
            type.forEach(each -> types.add(each.asString()));
        } else if (type != null) {
            types.add(type.asString());
        }
        if (schema.has("enum") && schema.get("enum").valueStream().anyMatch(JsonNode::isNull)) {
            types.add("null");
        }
        return types;
    }

    private static String typeOf(JsonNode value) {
        if (value.isNull()) {
            return "null";
        }
        if (value.isObject()) {
            return "object";
        }
        if (value.isArray()) {
            return "array";
        }
        if (value.isBoolean()) {
            return "boolean";
        }
        if (value.isIntegralNumber()) {
            return "integer";
        }
        if (value.isNumber()) {
            return "number";
        }
        return "string";
    }
}
