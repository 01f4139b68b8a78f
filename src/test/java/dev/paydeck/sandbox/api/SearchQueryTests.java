package dev.paydeck.sandbox.api;

import dev.paydeck.sandbox.api.SearchQuery.Clause;
import dev.paydeck.sandbox.api.SearchQuery.Connective;
import dev.paydeck.sandbox.api.SearchQuery.Operator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchQueryTests {

    @Test
    void parsesAClauseWithAQuotedValue() {
        SearchQuery query = SearchQuery.parse("email:\"amy@rocketrides.io\"");

        assertThat(query.clauses()).containsExactly(
                new Clause("email", null, Operator.EXACT, "amy@rocketrides.io", false, 0));
        assertThat(query.connective()).isEqualTo(Connective.AND);
    }

    @Test
    void singleQuotesBareValuesAndEscapedQuotes() {
        SearchQuery query = SearchQuery.parse("status:'succeeded' amount>1000 name:\"the \\\"Sky\\\"\"");

        assertThat(query.clauses()).extracting(Clause::field, Clause::operator, Clause::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("status", Operator.EXACT, "succeeded"),
                org.assertj.core.groups.Tuple.tuple("amount", Operator.GREATER, "1000"),
                org.assertj.core.groups.Tuple.tuple("name", Operator.EXACT, "the \"Sky\""));
    }

    @Test
    void everyOperator() {
        SearchQuery query = SearchQuery.parse(
                "name~\"ada\" amount>1 amount<2 amount>=3 amount<=4 amount=5 created:6");

        assertThat(query.clauses()).extracting(Clause::operator).containsExactly(Operator.SUBSTRING,
                Operator.GREATER, Operator.LESS, Operator.GREATER_OR_EQUAL, Operator.LESS_OR_EQUAL, Operator.EQUALS,
                Operator.EXACT);
    }

    @Test
    void metadataKeysInEitherQuotes() {
        SearchQuery query = SearchQuery.parse("metadata['order_id']:'6735' metadata[\"plan\"]:\"pro\"");

        assertThat(query.clauses()).extracting(Clause::field, Clause::metadataKey, Clause::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("metadata", "order_id", "6735"),
                org.assertj.core.groups.Tuple.tuple("metadata", "plan", "pro"));
    }

    @Test
    void negationNullAndPositions() {
        SearchQuery query = SearchQuery.parse("-currency:\"usd\" AND phone:null");

        assertThat(query.clauses()).containsExactly(
                new Clause("currency", null, Operator.EXACT, "usd", true, 0),
                new Clause("phone", null, Operator.EXACT, null, false, 20));
    }

    @Test
    void andOrInAnyCaseAndSpacesMeanAnd() {
        assertThat(SearchQuery.parse("currency:'usd' or currency:'eur' OR currency:'gbp'").connective())
                .isEqualTo(Connective.OR);
        assertThat(SearchQuery.parse("currency:'usd' and status:'succeeded' amount>10").connective())
                .isEqualTo(Connective.AND);
        assertThat(SearchQuery.parse("  email:'a@b.co'  ").clauses()).hasSize(1);
    }

    @Test
    void andAndOrCannotBeMixed() {
        assertSyntaxError("email:'a' AND email:'b' OR email:'c'", 24, "AND and OR can't be combined");
        // A space is an AND too.
        assertSyntaxError("email:'a' OR email:'b' email:'c'", 23, "AND and OR can't be combined");
    }

    @Test
    void refusesMalformedQueriesNamingThePosition() {
        assertSyntaxError("", 0, "the query is empty");
        assertSyntaxError("email", 5, "expected an operator");
        assertSyntaxError("email:", 6, "expected a value after :");
        assertSyntaxError("email:\"amy", 6, "the quoted value that starts here is not closed");
        assertSyntaxError(":\"amy\"", 0, "expected a field name");
        assertSyntaxError("email:'a' AND", 13, "expected a clause after AND");
        assertSyntaxError("email:'a' AND ", 14, "expected a clause after AND");
        assertSyntaxError("email:'a'name:'b'", 9, "expected a space, AND or OR");
        assertSyntaxError("metadata[plan]:'pro'", 9, "expected a quoted metadata key");
        assertSyntaxError("metadata['plan':'pro'", 15, "expected ] after the metadata key");
    }

    @Test
    void atMostTenClauses() {
        String ten = "amount>1 ".repeat(10).trim();
        assertThat(SearchQuery.parse(ten).clauses()).hasSize(10);
        assertSyntaxError(ten + " amount>1", 90, "a query can combine at most 10 clauses");
    }

    private static void assertSyntaxError(String query, int position, String problem) {
        assertThatThrownBy(() -> SearchQuery.parse(query))
                .isInstanceOfSatisfying(StripeError.class, error -> {
                    assertThat(error.status()).isEqualTo(400);
                    assertThat(error.type()).isEqualTo("invalid_request_error");
                    assertThat(error.param()).isEqualTo("query");
                    assertThat(error.getMessage()).contains("at position " + position + ": " + problem);
                });
    }
}
