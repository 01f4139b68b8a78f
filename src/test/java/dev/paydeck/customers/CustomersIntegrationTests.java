package dev.paydeck.customers;

import com.stripe.StripeClient;
import dev.paydeck.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CustomersIntegrationTests extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    dev.paydeck.organizations.StripeClients stripeClients;

    private Person owner;
    private String organizationId;
    private String key;

    @BeforeEach
    void organization() {
        owner = signUp("Shop owner");
        organizationId = createOrganization(owner, "Corner Shop", null).get("id").asString();
        key = apiKey(owner, organizationId, "admin");
    }

    @Test
    void aCustomerIsCreatedInStripeAndKeptHere() throws Exception {
        var created = call("POST", "/api/v1/customers", key,
                "{\"email\":\"ada@example.com\",\"name\":\"Ada Lovelace\",\"phone\":\"+44 20 7946 0000\","
                        + "\"metadata\":{\"erp_id\":\"C-1042\"}}");

        assertThat(created.statusCode()).isEqualTo(201);
        var customer = json(created);
        assertThat(customer.get("status").asString()).isEqualTo("active");
        assertThat(customer.get("stripe_customer_id").asString()).startsWith("cus_");
        assertThat(customer.at("/metadata/erp_id").asString()).isEqualTo("C-1042");
        assertThat(customer.get("metadata").has("paydeck_customer_id")).isFalse();

        var inStripe = sandboxStripe().v1().customers().retrieve(customer.get("stripe_customer_id").asString());
        assertThat(inStripe.getEmail()).isEqualTo("ada@example.com");
        assertThat(inStripe.getMetadata()).containsEntry("paydeck_customer_id", customer.get("id").asString());
    }

    @Test
    void listsSearchesAndPages() {
        for (String name : new String[] {"Alan Turing", "Ada Lovelace", "Grace Hopper"}) {
            call("POST", "/api/v1/customers", key, "{\"name\":\"" + name + "\",\"email\":\""
                    + name.toLowerCase().replace(' ', '.') + "@example.com\"}");
        }

        var search = json(call("GET", "/api/v1/customers?q=LOVE", key, null));
        assertThat(search.get("data").valueStream().map(c -> c.get("name").asString())).containsExactly("Ada Lovelace");

        var first = json(call("GET", "/api/v1/customers?limit=2", key, null));
        assertThat(first.get("data").valueStream().map(c -> c.get("name").asString()))
                .containsExactly("Grace Hopper", "Ada Lovelace");
        assertThat(first.get("has_more").asBoolean()).isTrue();
        var second = json(call("GET", "/api/v1/customers?limit=2&starting_after="
                + first.get("next_starting_after").asString(), key, null));
        assertThat(second.get("data").valueStream().map(c -> c.get("name").asString())).containsExactly("Alan Turing");
        assertThat(second.get("has_more").asBoolean()).isFalse();
    }

    @Test
    void updatesAndSoftDeletes() throws Exception {
        String id = json(call("POST", "/api/v1/customers", key, "{\"name\":\"Before\"}")).get("id").asString();

        var updated = json(call("PATCH", "/api/v1/customers/" + id, key, "{\"name\":\"After\"}"));
        assertThat(updated.get("name").asString()).isEqualTo("After");
        assertThat(sandboxStripe().v1().customers().retrieve(updated.get("stripe_customer_id").asString()).getName())
                .isEqualTo("After");

        assertThat(call("DELETE", "/api/v1/customers/" + id, key, null).statusCode()).isEqualTo(200);
        assertThat(json(call("GET", "/api/v1/customers/" + id, key, null)).get("status").asString())
                .isEqualTo("deleted");
        assertThat(sandboxStripe().v1().customers().retrieve(updated.get("stripe_customer_id").asString())
                .getDeleted()).isTrue();
        assertThat(json(call("GET", "/api/v1/customers", key, null)).get("data")).isEmpty();
        assertThat(call("DELETE", "/api/v1/customers/" + id, key, null).statusCode()).isEqualTo(404);
    }

    @Test
    void badInputIsRefusedFieldByField() {
        var response = call("POST", "/api/v1/customers", key, "{\"email\":\"nope\",\"phone\":\"call me\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("email", "phone");
        assertThat(call("POST", "/api/v1/customers", key, "{}").statusCode()).isEqualTo(400);
        assertThat(call("GET", "/api/v1/customers?limit=1000", key, null).statusCode()).isEqualTo(400);
        assertThat(call("GET", "/api/v1/customers/not-a-uuid", key, null).statusCode()).isEqualTo(400);
    }

    @Test
    void anotherOrganizationSeesNoneOfThem() {
        String id = json(call("POST", "/api/v1/customers", key, "{\"name\":\"Mine\"}")).get("id").asString();
        Person other = signUp("Other");
        String otherOrganization = createOrganization(other, "Other Shop", null).get("id").asString();
        String otherKey = apiKey(other, otherOrganization, "admin");

        assertThat(call("GET", "/api/v1/customers/" + id, otherKey, null).statusCode()).isEqualTo(404);
        assertThat(call("PATCH", "/api/v1/customers/" + id, otherKey, "{\"name\":\"x\"}").statusCode()).isEqualTo(404);
        assertThat(call("DELETE", "/api/v1/customers/" + id, otherKey, null).statusCode()).isEqualTo(404);
        assertThat(json(call("GET", "/api/v1/customers", otherKey, null)).get("data")).isEmpty();
        assertThat(call("GET", "/api/v1/customers/" + id, other.token(), null).statusCode()).isEqualTo(404);
        var asPersonWithHeader = send(request("/api/v1/customers/" + id).header("Authorization", "Bearer "
                + other.token()).header("Paydeck-Organization", organizationId).GET());
        assertThat(asPersonWithHeader.statusCode()).isEqualTo(404);
    }

    @Test
    void viewersMayReadButNotWrite() {
        String viewerKey = apiKey(owner, organizationId, "viewer");

        assertThat(call("GET", "/api/v1/customers", viewerKey, null).statusCode()).isEqualTo(200);
        var refused = call("POST", "/api/v1/customers", viewerKey, "{\"name\":\"x\"}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json(refused).get("detail").asString()).contains("viewer");
    }

    @Test
    void theSameIdempotencyKeyCreatesOneCustomer() {
        String idempotencyKey = UUID.randomUUID().toString();
        var first = send(request("/api/v1/customers").header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Once\"}")));
        var again = send(request("/api/v1/customers").header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Once\"}")));
        var different = send(request("/api/v1/customers").header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Twice\"}")));

        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(json(again).get("id").asString()).isEqualTo(json(first).get("id").asString());
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(different.statusCode()).isEqualTo(422);
        assertThat(json(call("GET", "/api/v1/customers", key, null)).get("data")).hasSize(1);
    }

    /** The organization's own Stripe (its sandbox account), read directly to see what Paydeck did there. */
    private StripeClient sandboxStripe() {
        return stripeClients.forOrganization(dev.paydeck.shared.OrganizationId.parse(organizationId).orElseThrow());
    }
}
