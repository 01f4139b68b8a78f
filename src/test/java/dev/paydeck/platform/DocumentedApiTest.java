package dev.paydeck.platform;

import dev.paydeck.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Base of the tests that walk every documented operation: an organization with one of each object they name. */
abstract class DocumentedApiTest extends IntegrationTest {

    /** An organization with its owner, an admin API key, and one of each object an operation's path can name. */
    record SampleShop(Person owner, String organization, String adminKey, String keyId, String person,
                      String customer, String payment, String event, String product, String price,
                      String coupon, String taxRate, String invoice, String subscription) {

        /** The ids for {@link DocumentedOperations.Operation#pathWith}, by the resource or placeholder they fill. */
        Map<String, String> ids() {
            return Map.ofEntries(Map.entry("/organizations/{id}", organization), Map.entry("/customers/{id}", customer),
                    Map.entry("/payment-intents/{id}", payment), Map.entry("/webhook-events/{id}", event),
                    Map.entry("{personId}", person), Map.entry("{keyId}", keyId), Map.entry("/products/{id}", product),
                    Map.entry("/prices/{id}", price),
                    Map.entry("/coupons/{id}", coupon), Map.entry("/tax-rates/{id}", taxRate),
                    Map.entry("/invoices/{id}", invoice), Map.entry("/subscriptions/{id}", subscription));
        }
    }

    /**
     * Signs up its owner, creates the organization and an admin key, a customer, a paid payment, a product and price,
     * a coupon, a tax rate and a draft invoice.
     */
    protected SampleShop sampleShop(String name) {
        Person owner = signUp(name + " owner");
        String organization = createOrganization(owner, name, null).get("id").asString();
        String adminKey = apiKey(owner, organization, "admin");
        String keyId = json(call("GET", "/api/v1/organizations/" + organization + "/api-keys", owner.token(), null))
                .get(0).get("id").asString();
        String person = json(call("GET", "/api/v1/me", owner.token(), null)).get("id").asString();
        String customer = json(call("POST", "/api/v1/customers", adminKey, "{\"email\":\"shop@example.com\"}"))
                .get("id").asString();
        String payment = json(call("POST", "/api/v1/payment-intents", adminKey, """
                {"amount": 2000, "currency": "usd", "customer_id": "%s", "payment_method": "pm_card_visa",
                 "confirm": true}""".formatted(customer))).at("/payment/id").asString();
        String product = json(call("POST", "/api/v1/products", adminKey, "{\"name\":\"Sample plan\"}"))
                .get("id").asString();
        String price = json(call("POST", "/api/v1/prices", adminKey, """
                {"product_id": "%s", "unit_amount": 1500, "currency": "usd", "recurring": {"interval": "month"}}"""
                .formatted(product))).get("id").asString();
        String coupon = json(call("POST", "/api/v1/coupons", adminKey, "{\"percent_off\": 20}")).get("id").asString();
        String taxRate = json(call("POST", "/api/v1/tax-rates", adminKey, """
                {"display_name": "VAT", "percentage": "19", "inclusive": false}""")).get("id").asString();
        String invoice = json(call("POST", "/api/v1/invoices", adminKey, """
                {"customer_id": "%s", "lines": [{"amount": 500, "currency": "usd", "description": "Sample"}]}"""
                .formatted(customer))).get("id").asString();
        String subscription = json(call("POST", "/api/v1/subscriptions", adminKey, """
                {"customer_id": "%s", "price_id": "%s", "collection_method": "send_invoice"}"""
                .formatted(customer, price))).get("id").asString();
        return new SampleShop(owner, organization, adminKey, keyId, person, customer, payment, firstEvent(adminKey),
                product, price, coupon, taxRate, invoice, subscription);
    }

    /** The first Stripe event delivered to the organization (its sandbox sends one for the payment). */
    private String firstEvent(String key) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            JsonNode events = json(call("GET", "/api/v1/webhook-events", key, null)).get("data");
            if (!events.isEmpty()) {
                return events.get(0).get("id").asString();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for a webhook event", e);
            }
        }
        throw new AssertionError("No webhook event arrived for the payment");
    }
}
