package dev.paydeck.sandbox;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The schema check itself: it catches what {@link SandboxObjectSchemaIntegrationTests} relies on it to catch. */
class StripeSchemaTests {

    private static final StripeSchema SCHEMA = StripeSchema.load(Set.of("refund.destination_details"));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aNullWhereStripeAllowsNoneIsReported() {
        var refund = JSON.readTree("""
                {"id":"re_1","object":"refund","amount":100,"created":1,"currency":"usd",
                 "metadata":null,"reason":null}""");

        assertThat(SCHEMA.problems("refund", refund)).isEmpty();
        assertThat(SCHEMA.problems("charge_outcome", JSON.readTree("{\"type\":\"authorized\",\"reason\":null}")))
                .isEmpty();
        assertThat(SCHEMA.problems("charge", JSON.readTree("{\"radar_options\":null}")))
                .contains("charge.radar_options: null, but Stripe's schema says object (never null)");
    }

    @Test
    void missingRequiredFieldsUnknownFieldsAndWrongTypesAreReported() {
        var customer = JSON.readTree("""
                {"id":"cus_1","object":"customer","created":"yesterday","nickname":"Ada",
                 "invoice_settings":{"footer":7}}""");

        assertThat(SCHEMA.problems("customer", customer)).containsExactlyInAnyOrder(
                "customer.livemode: missing, but Stripe's schema requires it",
                "customer.created: string, but Stripe's schema says integer",
                "customer.nickname: not in Stripe's schema customer",
                "customer.invoice_settings.footer: integer, but Stripe's schema says string or null");
    }

    @Test
    void anExpandableFieldTakesTheIdOrTheObjectAndTheObjectIsChecked() {
        assertThat(SCHEMA.problems("refund", JSON.readTree("""
                {"id":"re_1","object":"refund","amount":1,"created":1,"currency":"usd","charge":"ch_1"}""")))
                .isEmpty();
        assertThat(SCHEMA.problems("refund", JSON.readTree("""
                {"id":"re_1","object":"refund","amount":1,"created":1,"currency":"usd",
                 "charge":{"id":"ch_1","object":"charge","radar_options":null}}""")))
                .contains("refund.charge.radar_options: null, but Stripe's schema says object (never null)");
    }
}
