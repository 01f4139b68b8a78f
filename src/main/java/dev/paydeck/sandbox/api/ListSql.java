package dev.paydeck.sandbox.api;

import tools.jackson.databind.json.JsonMapper;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A list query's filters as a condition on {@code sandbox.objects} ({@link ObjectStore#list}): SQL made only of checked
 * top-level field names and fixed operators, every value a named parameter.
 */
record ListSql(String condition, Map<String, Object> parameters) {

    static ListSql of(ListQuery query, JsonMapper json) {
        StringBuilder sql = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        int equalsGroup = 0;
        for (Map.Entry<String, Object> equal : query.equals().entrySet()) {
            String name = "equals_" + equalsGroup++;
            if (equal.getValue() instanceof List<?> texts) {
                // One of several values ({@code lookup_keys[]}, {@code ids[]}), as text.
                sql.append(" and data->>'").append(fieldName(equal.getKey())).append("' = any (array[:").append(name)
                        .append("]::text[])");
                params.put(name, texts.stream().map(String::valueOf).toList());
            } else if (equal.getValue() instanceof String text) {
                // As text, so that the indexes on the fields lists filter by (customer, email...) serve it.
                sql.append(" and data->>'").append(fieldName(equal.getKey())).append("' = :").append(name);
                params.put(name, text);
            } else {
                sql.append(" and data @> :").append(name).append("::jsonb");
                params.put(name, json.writeValueAsString(Map.of(equal.getKey(), equal.getValue())));
            }
        }
        int patternGroup = 0;
        for (Map.Entry<String, List<String>> matching : query.matching().entrySet()) {
            String name = "match_" + patternGroup++;
            sql.append(" and (data->>'").append(fieldName(matching.getKey())).append("') like any (array[:")
                    .append(name).append("]::text[])");
            params.put(name, matching.getValue().stream().map(ListSql::likePattern).toList());
        }
        query.created().forEach((operator, value) -> {
            String sqlOperator = switch (operator) {
                case "gt" -> ">";
                case "gte" -> ">=";
                case "lt" -> "<";
                case "lte" -> "<=";
                default -> "=";
            };
            sql.append(" and created ").append(sqlOperator).append(" :created_").append(operator);
            params.put("created_" + operator, value);
        });
        return new ListSql(sql.toString(), params);
    }

    /** A top-level field name, checked before it becomes part of a statement. */
    static String fieldName(String name) {
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException("Not a field name: " + name);
        }
        return name;
    }

    /** {@code customer.*} as SQL's {@code customer.%}, with LIKE's own wildcards ({@code _}, {@code %}) escaped. */
    static String likePattern(String pattern) {
        return pattern.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_").replace('*', '%');
    }
}
