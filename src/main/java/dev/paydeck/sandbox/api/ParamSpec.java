package dev.paydeck.sandbox.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parameters one endpoint accepts: names, types, required ones. The API mechanics validate every request
 * against it, so an endpoint never sees an unknown, missing or mistyped parameter: it gets typed values
 * ({@link Long}, {@link Boolean}, {@link String}, nested {@link Map}s and {@link List}s), and an empty string
 * ({@code description=}) as a present key with a {@code null} value, which Stripe reads as "unset".
 */
public final class ParamSpec {

    enum Kind { STRING, INTEGER, BOOLEAN, ENUM, METADATA, OBJECT, LIST, RANGE, ANY }

    record Field(String name, Kind kind, List<String> values, ParamSpec nested, Field element) {
    }

    private static final int MAX_METADATA_KEYS = 50;

    private final Map<String, Field> fields = new LinkedHashMap<>();
    private final Set<String> required = new LinkedHashSet<>();

    public static ParamSpec of() {
        return new ParamSpec();
    }

    public ParamSpec string(String... names) {
        for (String name : names) {
            fields.put(name, new Field(name, Kind.STRING, List.of(), null, null));
        }
        return this;
    }

    public ParamSpec integer(String... names) {
        for (String name : names) {
            fields.put(name, new Field(name, Kind.INTEGER, List.of(), null, null));
        }
        return this;
    }

    public ParamSpec bool(String... names) {
        for (String name : names) {
            fields.put(name, new Field(name, Kind.BOOLEAN, List.of(), null, null));
        }
        return this;
    }

    public ParamSpec oneOf(String name, String... values) {
        fields.put(name, new Field(name, Kind.ENUM, List.of(values), null, null));
        return this;
    }

    public ParamSpec metadata() {
        fields.put("metadata", new Field("metadata", Kind.METADATA, List.of(), null, null));
        return this;
    }

    public ParamSpec object(String name, ParamSpec nested) {
        fields.put(name, new Field(name, Kind.OBJECT, List.of(), nested, null));
        return this;
    }

    public ParamSpec stringList(String name) {
        fields.put(name, new Field(name, Kind.LIST, List.of(), null,
                new Field(name, Kind.STRING, List.of(), null, null)));
        return this;
    }

    public ParamSpec objectList(String name, ParamSpec element) {
        fields.put(name, new Field(name, Kind.LIST, List.of(), null,
                new Field(name, Kind.OBJECT, List.of(), element, null)));
        return this;
    }

    /** A timestamp filter: {@code created=123} or {@code created[gte]=123&created[lt]=456}. */
    public ParamSpec range(String name) {
        fields.put(name, new Field(name, Kind.RANGE, List.of(), null, null));
        return this;
    }

    /** A parameter taken as it comes (hash of anything), for rarely used Stripe options. */
    public ParamSpec any(String... names) {
        for (String name : names) {
            fields.put(name, new Field(name, Kind.ANY, List.of(), null, null));
        }
        return this;
    }

    public ParamSpec required(String... names) {
        required.addAll(Arrays.asList(names));
        return this;
    }

    /** This spec plus another's fields (e.g. list paging on top of filters). */
    public ParamSpec with(ParamSpec other) {
        ParamSpec combined = new ParamSpec();
        combined.fields.putAll(fields);
        combined.fields.putAll(other.fields);
        combined.required.addAll(required);
        combined.required.addAll(other.required);
        return combined;
    }

    public Map<String, Object> validate(Map<String, Object> raw) {
        return validate(raw, "");
    }

    private Map<String, Object> validate(Map<String, Object> raw, String prefix) {
        Map<String, Object> typed = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : raw.entrySet()) {
            String path = path(prefix, entry.getKey());
            Field field = fields.get(entry.getKey());
            if (field == null) {
                throw StripeError.parameterUnknown(path);
            }
            typed.put(entry.getKey(), convert(field, entry.getValue(), path));
        }
        for (String name : required) {
            if (typed.get(name) == null) {
                throw StripeError.parameterMissing(path(prefix, name));
            }
        }
        return typed;
    }

    @SuppressWarnings("unchecked")
    private static Object convert(Field field, Object value, String path) {
        if ("".equals(value) && field.kind() != Kind.STRING) {
            return null;
        }
        if ("".equals(value)) {
            return null;
        }
        return switch (field.kind()) {
            case STRING -> requireString(value, path);
            case INTEGER -> toLong(requireString(value, path), path);
            case BOOLEAN -> toBoolean(requireString(value, path), path);
            case ENUM -> {
                String text = requireString(value, path);
                if (!field.values().contains(text)) {
                    throw StripeError.invalid(path, "Invalid " + path + ": must be one of "
                            + String.join(", ", field.values()));
                }
                yield text;
            }
            case METADATA -> metadata(value, path);
            case OBJECT -> {
                if (!(value instanceof Map<?, ?> map)) {
                    throw StripeError.invalid(path, "Invalid object");
                }
                yield field.nested().validate((Map<String, Object>) map, path);
            }
            case LIST -> {
                List<Object> items = value instanceof List<?> list ? new ArrayList<>(list)
                        : value instanceof Map<?, ?> map ? new ArrayList<>(map.values()) : null;
                if (items == null) {
                    throw StripeError.invalid(path, "Invalid array");
                }
                List<Object> converted = new ArrayList<>();
                for (int i = 0; i < items.size(); i++) {
                    if (items.get(i) != null) {
                        converted.add(convert(field.element(), items.get(i), path + "[" + i + "]"));
                    }
                }
                yield converted;
            }
            case RANGE -> range(value, path);
            case ANY -> value;
        };
    }

    private static String requireString(Object value, String path) {
        if (value instanceof String text) {
            return text;
        }
        throw StripeError.invalid(path, "Invalid " + path + ": expected a string, not a hash or array.");
    }

    private static Long toLong(String text, String path) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw StripeError.parameterInvalidInteger(path, text);
        }
    }

    private static Boolean toBoolean(String text, String path) {
        return switch (text) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw StripeError.invalid(path, "Invalid boolean: " + text);
        };
    }

    private static Map<String, Object> metadata(Object value, String path) {
        if (!(value instanceof Map<?, ?> map)) {
            throw StripeError.invalid(path, "Invalid hash");
        }
        if (map.size() > MAX_METADATA_KEYS) {
            throw StripeError.invalid(path, "Invalid metadata: metadata can have at most 50 keys.");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            if (key.length() > 40) {
                throw StripeError.invalid(path, "Metadata keys can have up to 40 characters.");
            }
            String text = requireString(entry.getValue(), path + "[" + key + "]");
            if (text.length() > 500) {
                throw StripeError.invalid(path, "Metadata values can have up to 500 characters.");
            }
            result.put(key, text.isEmpty() ? null : text);
        }
        return result;
    }

    private static Object range(Object value, String path) {
        if (value instanceof String text) {
            return toLong(text, path);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> result = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                if (!Set.of("gt", "gte", "lt", "lte").contains(key)) {
                    throw StripeError.parameterUnknown(path + "[" + key + "]");
                }
                result.put(key, toLong(requireString(entry.getValue(), path + "[" + key + "]"),
                        path + "[" + key + "]"));
            }
            return result;
        }
        throw StripeError.invalid(path, "Invalid " + path);
    }

    private static String path(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "[" + name + "]";
    }
}
