package dev.paydeck.sandbox.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A query in Stripe's search query language, parsed: clauses ({@code field}, operator, value, each maybe negated with
 * {@code -}) joined by {@code AND} or by {@code OR} (never both: Stripe refuses to mix them, and has no parentheses).
 * Clauses separated by a space alone are joined by {@code AND}. Values are quoted with {@code "} or {@code '}
 * ({@code \} escapes a quote inside them) or bare up to the next space; a bare {@code null} is the null value.
 * Metadata fields are written {@code metadata['key']} or {@code metadata["key"]}.
 *
 * <p>Pure: what each field means for a kind of object is {@link SearchFields}'s business. A query Stripe could not
 * parse is refused with an {@code invalid_request_error} on {@code query} that names the position (counted from 0)
 * where parsing failed.
 */
public record SearchQuery(List<Clause> clauses, Connective connective) {

    /** Stripe combines at most this many clauses in one search. */
    static final int MAX_CLAUSES = 10;

    public enum Connective { AND, OR }

    public enum Operator {
        EXACT(":"), SUBSTRING("~"), GREATER(">"), GREATER_OR_EQUAL(">="), LESS("<"), LESS_OR_EQUAL("<="),
        EQUALS("=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        boolean isComparison() {
            return this != EXACT && this != SUBSTRING;
        }
    }

    /**
     * One {@code field operator value}: {@code metadataKey} is set for {@code metadata['key']}; {@code value} is null
     * for Stripe's {@code null}; {@code position} is where the clause starts in the query.
     */
    public record Clause(String field, String metadataKey, Operator operator, String value, boolean negated,
                         int position) {
    }

    public SearchQuery {
        clauses = List.copyOf(clauses);
    }

    public static SearchQuery parse(String query) {
        return new Parser(query).parse();
    }

    /**
     * The one wording of a query Stripe's parser would refuse: Stripe's own message (which names no place), then
     * what went wrong and where, which Stripe does not say.
     */
    static StripeError syntaxError(int position, String problem) {
        return StripeError.invalid("query", "We were unable to parse your search query. Try using the format "
                + "`metadata[\"key\"]:\"value\"` to query for metadata or key:\"value\" to query for other fields. "
                + "The query is invalid at position " + position + ": " + problem + ".");
    }

    private static final class Parser {

        private final String text;
        private int at;

        Parser(String text) {
            this.text = text;
        }

        SearchQuery parse() {
            List<Clause> clauses = new ArrayList<>();
            Connective connective = null;
            skipSpaces();
            if (atEnd()) {
                throw syntaxError(at, "the query is empty");
            }
            while (true) {
                clauses.add(clause());
                int afterValue = at;
                skipSpaces();
                if (atEnd()) {
                    break;
                }
                if (at == afterValue) {
                    throw syntaxError(at, "expected a space, AND or OR after the value");
                }
                if (clauses.size() == MAX_CLAUSES) {
                    throw syntaxError(at, "a query can combine at most " + MAX_CLAUSES + " clauses");
                }
                int keywordAt = at;
                Connective given = keyword();
                // Clauses separated by a space alone are joined by AND.
                Connective joining = given == null ? Connective.AND : given;
                if (connective != null && connective != joining) {
                    throw syntaxError(keywordAt, "AND and OR can't be combined in the same query");
                }
                connective = joining;
                if (given != null) {
                    skipSpaces();
                    if (atEnd()) {
                        throw syntaxError(at, "expected a clause after " + given);
                    }
                }
            }
            return new SearchQuery(clauses, connective == null ? Connective.AND : connective);
        }

        /**
         * {@code AND} or {@code OR} (any case) followed by a space or ending the query, consumed; or null, consuming
         * nothing.
         */
        private Connective keyword() {
            for (Connective connective : Connective.values()) {
                String word = connective.name();
                int end = at + word.length();
                if (text.regionMatches(true, at, word, 0, word.length())
                        && (end == text.length() || Character.isWhitespace(text.charAt(end)))) {
                    at = end;
                    return connective;
                }
            }
            return null;
        }

        private Clause clause() {
            int start = at;
            boolean negated = peek('-');
            if (negated) {
                at++;
            }
            String field;
            String metadataKey = null;
            if (text.startsWith("metadata[", at)) {
                at += "metadata[".length();
                if (!peek('"') && !peek('\'')) {
                    throw syntaxError(at, "expected a quoted metadata key, as in metadata['key']");
                }
                metadataKey = quoted();
                if (!peek(']')) {
                    throw syntaxError(at, "expected ] after the metadata key");
                }
                at++;
                field = "metadata";
            } else {
                int fieldStart = at;
                while (!atEnd() && isFieldCharacter(text.charAt(at))) {
                    at++;
                }
                if (at == fieldStart) {
                    throw syntaxError(at, "expected a field name");
                }
                field = text.substring(fieldStart, at);
            }
            Operator operator = operator();
            String value;
            if (peek('"') || peek('\'')) {
                value = quoted();
            } else {
                int valueStart = at;
                while (!atEnd() && !Character.isWhitespace(text.charAt(at))) {
                    at++;
                }
                if (at == valueStart) {
                    throw syntaxError(at, "expected a value after " + operator.symbol());
                }
                value = text.substring(valueStart, at);
                if (value.toLowerCase(Locale.ROOT).equals("null")) {
                    value = null;
                }
            }
            return new Clause(field, metadataKey, operator, value, negated, start);
        }

        private Operator operator() {
            for (String symbol : new String[] {">=", "<=", ":", "~", ">", "<", "="}) {
                if (text.startsWith(symbol, at)) {
                    at += symbol.length();
                    for (Operator operator : Operator.values()) {
                        if (operator.symbol().equals(symbol)) {
                            return operator;
                        }
                    }
                }
            }
            throw syntaxError(at, "expected an operator (:, ~, >, <, >=, <= or =) after the field");
        }

        /** A value in quotes, the quote it opens with closing it; a backslash escapes the next character. */
        private String quoted() {
            int opening = at;
            char quote = text.charAt(at++);
            StringBuilder value = new StringBuilder();
            while (!atEnd()) {
                char next = text.charAt(at++);
                if (next == quote) {
                    return value.toString();
                }
                if (next == '\\' && !atEnd()) {
                    next = text.charAt(at++);
                }
                value.append(next);
            }
            throw syntaxError(opening, "the quoted value that starts here is not closed");
        }

        private static boolean isFieldCharacter(char c) {
            return c == '_' || c == '.' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }

        private boolean peek(char c) {
            return !atEnd() && text.charAt(at) == c;
        }

        private void skipSpaces() {
            while (!atEnd() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private boolean atEnd() {
            return at >= text.length();
        }
    }
}
