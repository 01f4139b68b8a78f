package dev.paydeck.platform;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Organization B can neither read nor change anything of organization A, through every operation of the REST API
 * as its docs list them (so a new endpoint is covered the day it is documented): each id of A answers 404 to B's
 * API key and to B's owner, as if it did not exist, even with a valid request body; B's lists show none of A's ids;
 * and A's records are unchanged afterwards.
 */
class TenantIsolationIntegrationTests extends DocumentedApiTest {

    @Test
    void noOperationLetsAnotherOrganizationReadOrChangeAnything() {
        SampleShop a = sampleShop("Shop A");
        Person ownerA = a.owner();
        String keyA = a.adminKey();

        Person ownerB = signUp("Owner B");
        String organizationB = createOrganization(ownerB, "Shop B", null).get("id").asString();
        String keyB = apiKey(ownerB, organizationB, "admin");

        JsonNode docs = json(get("/v3/api-docs", "application/json"));
        List<String> reached = new ArrayList<>();
        List<String> leaks = new ArrayList<>();
        for (DocumentedOperations.Operation operation : DocumentedOperations.of(docs)) {
            String body = operation.exampleBody(docs);
            for (String credential : List.of(keyB, ownerB.token())) {
                String who = credential.equals(keyB) ? "B's API key" : "B's owner";
                if (operation.path().contains("{")) {
                    String target = operation.pathWith(a.ids());
                    var response = call(operation.method(), target, credential, body);
                    reached.add(operation.name());
                    if (response.statusCode() != 404) {
                        leaks.add(operation.method() + " " + target + " by " + who + ": " + response.statusCode()
                                + " " + response.body());
                    }
                    if (operation.method().equals("GET") && credential.equals(keyB)) {
                        assertThat(call("GET", target, ownerA.token(), null).statusCode())
                                .as("A itself reads " + target).isEqualTo(200);
                    }
                } else if (operation.method().equals("GET")) {
                    var response = call("GET", operation.path(), credential, null);
                    assertThat(response.statusCode()).as(operation.path() + " by " + who).isLessThan(500);
                    for (String id : List.of(a.organization(), a.customer(), a.payment(), a.event(), a.keyId(),
                            a.product(), a.price(), a.coupon(), a.taxRate(), a.invoice(), a.subscription())) {
                        if (response.body().contains(id)) {
                            leaks.add("GET " + operation.path() + " by " + who + " shows " + id);
                        }
                    }
                }
            }
        }

        assertThat(reached).contains("DELETE /api/v1/customers/{id}", "POST /api/v1/payment-intents/{id}/refunds",
                "POST /api/v1/webhook-events/{id}/replay", "DELETE /api/v1/organizations/{id}/members/{personId}",
                "DELETE /api/v1/organizations/{id}/api-keys/{keyId}", "PUT /api/v1/organizations/{id}/stripe-keys",
                "DELETE /api/v1/products/{id}", "POST /api/v1/prices/{id}/archive",
                "DELETE /api/v1/coupons/{id}", "POST /api/v1/tax-rates/{id}/archive",
                "POST /api/v1/invoices/{id}/pay",
                "POST /api/v1/subscriptions/{id}/cancel", "POST /api/v1/subscriptions/{id}/change");
        assertThat(leaks).as("what organization B could reach of organization A").isEmpty();

        assertThat(call("GET", "/api/v1/customers/" + a.customer(), keyA, null).statusCode()).isEqualTo(200);
        JsonNode payment = json(call("GET", "/api/v1/payment-intents/" + a.payment(), keyA, null)).get("payment");
        assertThat(payment.get("status").asString()).isEqualTo("succeeded");
        assertThat(payment.get("amount_refunded").asLong()).isZero();
        assertThat(call("GET", "/api/v1/organizations", keyA, null).statusCode()).as("A's key still works")
                .isEqualTo(200);
        assertThat(json(call("GET", "/api/v1/organizations/" + a.organization() + "/members", ownerA.token(), null)))
                .hasSize(1);
        assertThat(json(call("GET", "/api/v1/organizations/" + a.organization(), ownerA.token(), null))
                .at("/stripe/source").asString()).isEqualTo("sandbox");
    }
}
