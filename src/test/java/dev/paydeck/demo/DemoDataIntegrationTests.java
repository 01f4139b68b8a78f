package dev.paydeck.demo;

import dev.paydeck.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class DemoDataIntegrationTests extends IntegrationTest {

    @Autowired
    DemoData demo;

    @Test
    void theFirstPersonToSignUpOwnsADemoShopWithPaymentsInEveryState() {
        String organization = demo.createDemoOrganization().toString();

        Person first = signUp("First");
        Person second = signUp("Second");

        var mine = json(call("GET", "/api/v1/organizations", first.token(), null));
        assertThat(mine.valueStream().map(o -> o.get("id").asString())).containsExactly(organization);
        assertThat(mine.get(0).get("name").asString()).isEqualTo("Demo Shop");
        assertThat(json(call("GET", "/api/v1/organizations", second.token(), null))).isEmpty();

        var customers = json(call("GET", "/api/v1/customers", first.token(), null)).get("data");
        assertThat(customers.valueStream().map(c -> c.get("name").asString()))
                .containsExactlyInAnyOrder("Ada Lovelace", "Grace Hopper", "Alan Turing");
        var payments = json(call("GET", "/api/v1/payment-intents", first.token(), null)).get("data");
        assertThat(payments.valueStream().map(p -> p.get("status").asString())).containsExactlyInAnyOrder(
                "succeeded", "succeeded", "requires_payment_method", "requires_capture");
        assertThat(payments.valueStream().mapToLong(p -> p.get("amount_refunded").asLong()).sum()).isEqualTo(1500);
    }
}
