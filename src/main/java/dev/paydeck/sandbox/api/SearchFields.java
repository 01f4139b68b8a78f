package dev.paydeck.sandbox.api;

import dev.paydeck.sandbox.api.SearchQuery.Clause;
import dev.paydeck.sandbox.api.SearchQuery.Operator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The fields one kind of object can be searched by, each with the type Stripe gives it, which decides its operators:
 * a {@code string} field ({@code email}, {@code name}) matches exactly, ignoring case, with {@code :}, or by a
 * substring of at least 3 characters with {@code ~}; a {@code token} ({@code status}, {@code currency}, metadata
 * values) matches exactly, ignoring case; an {@code id} ({@code customer}) matches exactly; a {@code numeric} field
 * ({@code amount}, {@code created}, a Unix time) also compares with {@code >}, {@code <}, {@code >=}, {@code <=},
 * {@code =}. Every field also matches {@code null}.
 */
public final class SearchFields {

    /** Stripe's shortest substring for {@code ~}. */
    static final int MIN_SUBSTRING = 3;
    private static final Pattern FIELD_PATH = Pattern.compile("[a-z0-9_]+(\\.[a-z0-9_]+)*");

    public enum Type { STRING, TOKEN, ID, NUMERIC, METADATA }

    /** A searchable field: its name in queries, its type, and where it is in the stored document. */
    public record Field(String name, Type type) {

        /** The field's value in {@code sandbox.objects} as text ({@code data->>'email'}); paths are checked names. */
        String textSql() {
            if (name.equals("created")) {
                return "created::text";
            }
            String[] path = name.split("\\.");
            return path.length == 1 ? "data->>'" + name + "'" : "data#>>'{" + String.join(",", path) + "}'";
        }
    }

    private final String resource;
    private final Map<String, Field> fields = new LinkedHashMap<>();

    private SearchFields(String resource) {
        this.resource = resource;
    }

    /** The fields of a resource, named as in Stripe's URLs and messages ({@code customers}, {@code charges}). */
    public static SearchFields of(String resource) {
        return new SearchFields(resource);
    }

    public SearchFields string(String... names) {
        return add(Type.STRING, names);
    }

    public SearchFields token(String... names) {
        return add(Type.TOKEN, names);
    }

    public SearchFields id(String... names) {
        return add(Type.ID, names);
    }

    public SearchFields numeric(String... names) {
        return add(Type.NUMERIC, names);
    }

    public SearchFields metadata() {
        return add(Type.METADATA, "metadata");
    }

    private SearchFields add(Type type, String... names) {
        for (String name : names) {
            if (!FIELD_PATH.matcher(name).matches()) {
                throw new IllegalArgumentException("Not a field path: " + name);
            }
            fields.put(name, new Field(name, type));
        }
        return this;
    }

    public String resource() {
        return resource;
    }

    /** The field a clause names, once its operator and value are checked against the field's type. */
    public Field check(Clause clause) {
        Field field = fields.get(clause.field());
        if (field == null || (field.type() == Type.METADATA) != (clause.metadataKey() != null)) {
            throw StripeError.invalid("query", "Field `" + clause.field() + "` is an unsupported search field for "
                    + "resource `" + resource + "`. See https://stripe.com/docs/search#query-fields-for-"
                    + resource.replace('_', '-') + " for a list of supported fields.");
        }
        Operator operator = clause.operator();
        if (operator == Operator.SUBSTRING && field.type() != Type.STRING) {
            throw unsupportedOperator(clause, "substring matching (~) is only supported on string fields");
        }
        if (operator.isComparison() && field.type() != Type.NUMERIC) {
            throw unsupportedOperator(clause, "numeric comparators (" + operator.symbol()
                    + ") are only supported on numeric fields");
        }
        if (clause.value() == null) {
            if (operator != Operator.EXACT) {
                throw unsupportedOperator(clause, "null can only be matched with :");
            }
            return field;
        }
        if (operator == Operator.SUBSTRING && clause.value().codePointCount(0, clause.value().length())
                < MIN_SUBSTRING) {
            throw unsupportedOperator(clause, "substring matching (~) needs a value of at least " + MIN_SUBSTRING
                    + " characters");
        }
        if (field.type() == Type.NUMERIC) {
            numericValue(clause);
        }
        return field;
    }

    /** The value of a clause on a numeric field, which may be quoted ({@code amount>="10"}). */
    static long numericValue(Clause clause) {
        try {
            return Long.parseLong(clause.value().trim());
        } catch (NumberFormatException e) {
            throw unsupportedOperator(clause, "`" + clause.field() + "` is a numeric field and `" + clause.value()
                    + "` is not a number");
        }
    }

    private static StripeError unsupportedOperator(Clause clause, String problem) {
        return SearchQuery.syntaxError(clause.position(), problem);
    }
}
