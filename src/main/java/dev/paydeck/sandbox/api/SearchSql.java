package dev.paydeck.sandbox.api;

import dev.paydeck.sandbox.api.SearchFields.Field;
import dev.paydeck.sandbox.api.SearchQuery.Clause;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A search query as a condition on {@code sandbox.objects}: SQL made only of the checked field paths and fixed
 * operators, every value a named parameter. The expressions are the ones the V60 indexes are built on
 * ({@code lower(data->>'email')}, the lower-cased metadata), so that searches of a large account use them.
 */
record SearchSql(String condition, Map<String, Object> parameters) {

    static SearchSql of(SearchQuery query, SearchFields fields) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        List<String> conditions = new ArrayList<>();
        for (Clause clause : query.clauses()) {
            String condition = condition(clause, fields.check(clause), "search_" + conditions.size(), parameters);
            conditions.add(clause.negated() ? "(" + condition + ") is not true" : "(" + condition + ")");
        }
        String joiner = query.connective() == SearchQuery.Connective.OR ? " or " : " and ";
        return new SearchSql("(" + String.join(joiner, conditions) + ")", parameters);
    }

    private static String condition(Clause clause, Field field, String name, Map<String, Object> parameters) {
        String text = field.textSql();
        if (field.type() == SearchFields.Type.METADATA) {
            String value = "(data->'metadata'->>:" + name + "_key)";
            parameters.put(name + "_key", clause.metadataKey());
            if (clause.value() == null) {
                return value + " is null";
            }
            parameters.put(name, clause.value());
            // The containment finds candidates through the index on the lower-cased metadata (keys included); the
            // second test keeps keys case-sensitive.
            return "lower((data->'metadata')::text)::jsonb @> jsonb_build_object(lower(:" + name + "_key), lower(:"
                    + name + ")) and lower(" + value + ") = lower(:" + name + ")";
        }
        if (clause.value() == null) {
            return text + " is null";
        }
        return switch (field.type()) {
            case STRING -> {
                if (clause.operator() == SearchQuery.Operator.SUBSTRING) {
                    parameters.put(name, literalInLike(clause.value()));
                    yield "lower(" + text + ") like '%' || lower(:" + name + ") || '%'";
                }
                parameters.put(name, clause.value());
                yield "lower(" + text + ") = lower(:" + name + ")";
            }
            case TOKEN -> {
                parameters.put(name, clause.value());
                yield "lower(" + text + ") = lower(:" + name + ")";
            }
            case ID -> {
                parameters.put(name, clause.value());
                yield text + " = :" + name;
            }
            case NUMERIC -> {
                parameters.put(name, SearchFields.numericValue(clause));
                String number = field.name().equals("created") ? "created" : "(" + text + ")::numeric";
                String operator = switch (clause.operator()) {
                    case GREATER -> ">";
                    case GREATER_OR_EQUAL -> ">=";
                    case LESS -> "<";
                    case LESS_OR_EQUAL -> "<=";
                    default -> "=";
                };
                yield number + " " + operator + " :" + name;
            }
            case METADATA -> throw new IllegalStateException("handled above");
        };
    }

    /** Text that LIKE matches literally: its own wildcards ({@code %}, {@code _}) and escape character escaped. */
    static String literalInLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
