package dev.paydeck.sandbox.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a list request asks for: equality filters on top-level fields of the objects, patterns a top-level text
 * field must match ({@code customer.*}, as the events list's {@code type} takes), a {@code created} range, and
 * Stripe's cursor paging ({@code limit} 1–100, {@code starting_after} / {@code ending_before} an object id).
 */
public record ListQuery(Map<String, Object> equals, Map<String, List<String>> matching, Map<String, Long> created,
                        int limit, String startingAfter, String endingBefore) {

    /** The paging and {@code created} parameters every list endpoint accepts. */
    public static final ParamSpec PAGING = ParamSpec.of()
            .integer("limit")
            .string("starting_after", "ending_before")
            .range("created");

    @SuppressWarnings("unchecked")
    public static ListQuery from(StripeCall call) {
        Long limit = call.longValue("limit");
        if (limit != null && (limit < 1 || limit > 100)) {
            throw StripeError.invalid("limit", "Invalid limit: must be between 1 and 100");
        }
        if (call.string("starting_after") != null && call.string("ending_before") != null) {
            throw StripeError.invalid("starting_after",
                    "You may only specify one of these parameters: ending_before, starting_after.");
        }
        Map<String, Long> created = new LinkedHashMap<>();
        Object range = call.params().get("created");
        if (range instanceof Long exact) {
            created.put("eq", exact);
        } else if (range instanceof Map<?, ?> map) {
            ((Map<String, Long>) map).forEach(created::put);
        }
        return new ListQuery(new LinkedHashMap<>(), new LinkedHashMap<>(), created, limit == null ? 10 : limit.intValue(),
                call.string("starting_after"), call.string("ending_before"));
    }

    /**
     * Keeps only objects whose field equals the value (when the value is not null): a text, or any JSON value it
     * contains ({@code recurring[interval]} as a map), or one of a list of texts.
     */
    public ListQuery where(String field, Object value) {
        if (value != null) {
            equals.put(field, value);
        }
        return this;
    }

    /**
     * Keeps only objects whose text field matches one of the patterns, where {@code *} stands for any characters
     * ({@code customer.*}); nothing else in a pattern is special. No patterns (null or empty): no filter.
     */
    public ListQuery whereMatches(String field, List<String> patterns) {
        if (patterns != null && !patterns.isEmpty()) {
            matching.put(field, List.copyOf(patterns));
        }
        return this;
    }
}
