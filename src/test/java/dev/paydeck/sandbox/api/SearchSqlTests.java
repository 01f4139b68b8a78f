package dev.paydeck.sandbox.api;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchSqlTests {

    private static final SearchFields CUSTOMERS = SearchFields.of("customers")
            .string("email", "name", "phone").numeric("created").metadata();
    private static final SearchFields PAYMENT_INTENTS = SearchFields.of("payment_intents")
            .numeric("amount", "created").token("currency", "status").id("customer").metadata();
    private static final SearchFields CHARGES = SearchFields.of("charges")
            .token("payment_method_details.card.last4");

    @Test
    void stringFieldsMatchIgnoringCaseOrBySubstring() {
        SearchSql sql = translate("email:\"Amy@Example.com\" name~\"ada\"", CUSTOMERS);

        assertThat(sql.condition()).isEqualTo("((lower(data->>'email') = lower(:search_0)) and "
                + "(lower(data->>'name') like '%' || lower(:search_1) || '%'))");
        assertThat(sql.parameters()).isEqualTo(Map.of("search_0", "Amy@Example.com", "search_1", "ada"));
    }

    @Test
    void valuesNeverEnterTheStatement() {
        SearchSql sql = translate("name~\"x'); drop table sandbox.objects; --\"", CUSTOMERS);

        assertThat(sql.condition()).doesNotContain("drop");
        assertThat(sql.parameters()).containsEntry("search_0", "x'); drop table sandbox.objects; --");
    }

    @Test
    void substringsAreLiteralInLike() {
        SearchSql sql = translate("email~\"a_b%c\\\\d\"", CUSTOMERS);

        assertThat(sql.parameters()).containsEntry("search_0", "a\\_b\\%c\\\\d");
    }

    @Test
    void numbersCompareAndNegationKeepsNulls() {
        SearchSql sql = translate("amount>=\"1000\" OR -currency:\"usd\" OR created<5 OR customer:\"cus_1\"",
                PAYMENT_INTENTS);

        assertThat(sql.condition()).isEqualTo("(((data->>'amount')::numeric >= :search_0) or "
                + "(lower(data->>'currency') = lower(:search_1)) is not true or (created < :search_2) or "
                + "(data->>'customer' = :search_3))");
        assertThat(sql.parameters()).containsEntry("search_0", 1000L).containsEntry("search_2", 5L);
    }

    @Test
    void metadataAndNull() {
        SearchSql sql = translate("metadata['plan']:'Pro' phone:null metadata['tier']:null", CUSTOMERS);

        assertThat(sql.condition()).isEqualTo("((lower((data->'metadata')::text)::jsonb @> "
                + "jsonb_build_object(lower(:search_0_key), lower(:search_0)) and "
                + "lower((data->'metadata'->>:search_0_key)) = lower(:search_0)) and (data->>'phone' is null) and "
                + "((data->'metadata'->>:search_2_key) is null))");
        assertThat(sql.parameters()).containsEntry("search_0_key", "plan").containsEntry("search_0", "Pro")
                .containsEntry("search_2_key", "tier");
    }

    @Test
    void nestedFields() {
        assertThat(translate("payment_method_details.card.last4:4242", CHARGES).condition())
                .isEqualTo("((lower(data#>>'{payment_method_details,card,last4}') = lower(:search_0)))");
    }

    @Test
    void refusesFieldsTheResourceDoesNotSearch() {
        assertInvalid("amount>10", CUSTOMERS, "Field `amount` is an unsupported search field for resource "
                + "`customers`. See https://stripe.com/docs/search#query-fields-for-customers for a list of "
                + "supported fields.");
        assertInvalid("description:'x'", PAYMENT_INTENTS, "Field `description` is an unsupported search field "
                + "for resource `payment_intents`.");
        assertInvalid("metadata:'x'", CUSTOMERS, "Field `metadata` is an unsupported search field");
    }

    @Test
    void refusesOperatorsTheFieldTypeDoesNotHave() {
        assertInvalid("status~'succ'", PAYMENT_INTENTS,
                "at position 0: substring matching (~) is only supported on string fields");
        assertInvalid("email>'a'", CUSTOMERS, "at position 0: numeric comparators (>) are only supported on "
                + "numeric fields");
        assertInvalid("email:'a' name~'ad'", CUSTOMERS,
                "at position 10: substring matching (~) needs a value of at least 3 characters");
        assertInvalid("amount>'ten'", PAYMENT_INTENTS, "`amount` is a numeric field and `ten` is not a number");
        assertInvalid("amount>null", PAYMENT_INTENTS, "null can only be matched with :");
    }

    private static SearchSql translate(String query, SearchFields fields) {
        return SearchSql.of(SearchQuery.parse(query), fields);
    }

    private static void assertInvalid(String query, SearchFields fields, String message) {
        assertThatThrownBy(() -> translate(query, fields))
                .isInstanceOfSatisfying(StripeError.class, error -> {
                    assertThat(error.status()).isEqualTo(400);
                    assertThat(error.param()).isEqualTo("query");
                    assertThat(error.getMessage()).contains(message);
                });
    }
}
