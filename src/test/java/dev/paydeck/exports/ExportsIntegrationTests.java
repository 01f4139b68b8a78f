package dev.paydeck.exports;

import dev.paydeck.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** CSV exports of payments and customers through the API: every matching row, the list's filters, nothing else. */
class ExportsIntegrationTests extends IntegrationTest {

    private HttpResponse<String> csv(String path, String key) {
        return send(request(path).header("Accept", "text/csv").header("Authorization", "Bearer " + key).GET());
    }

    /** The lines of a CSV answer without its byte order mark, each split at commas outside quotes. */
    private static List<String> lines(HttpResponse<String> response) {
        String body = response.body().startsWith("\uFEFF") ? response.body().substring(1) : response.body();
        assertThat(body).endsWith("\r\n");
        return Arrays.asList(body.split("\r\n"));
    }

    private String pay(String key, long amount, String method, String description, String email) {
        var response = call("POST", "/api/v1/payment-intents", key, "{\"amount\":" + amount + ",\"currency\":\"usd\","
                + "\"payment_method\":\"" + method + "\",\"confirm\":true,\"description\":\"" + description + "\","
                + "\"customer_email\":\"" + email + "\"}");
        return response.statusCode() == 402 ? json(response).get("payment_id").asString()
                : json(response).at("/payment/id").asString();
    }

    @Test
    void everyPaymentTheFiltersMatchIsExportedWithItsAmountsAndCustomer() {
        Person owner = signUp("Exporter");
        String organization = createOrganization(owner, "Export Co", null).get("id").asString();
        String key = apiKey(owner, organization, "admin");
        String buyer = "buyer-" + UUID.randomUUID() + "@example.com";
        String mug = pay(key, 2_050, "pm_card_visa", "Mugs, blue", buyer);
        String towel = pay(key, 990, "pm_card_visa", "=1+2 towels", buyer);
        String declined = pay(key, 700, "pm_card_chargeDeclined", "Declined order", buyer);
        call("POST", "/api/v1/payment-intents/" + mug + "/refunds", key, "{\"amount\":550}");

        var all = csv("/api/v1/payment-intents/export", key);
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(all.headers().firstValue("Content-Disposition").orElseThrow())
                .matches("attachment; filename=\"payments-\\d{4}-\\d{2}-\\d{2}\\.csv\"");
        List<String> lines = lines(all);
        assertThat(lines.getFirst()).isEqualTo("id,created_at,status,amount,amount_received,amount_refunded,currency,"
                + "customer_id,customer_email,description,stripe_payment_intent_id,failure_code,decline_code,"
                + "failure_message");
        assertThat(lines).hasSize(4);
        // Newest first.
        assertThat(lines.get(1)).startsWith(declined + ",");
        assertThat(lines.get(1)).contains(",requires_payment_method,7.00,0.00,0.00,USD,").contains(buyer)
                .contains(",card_declined,generic_decline,");
        assertThat(lines.get(2)).startsWith(towel + ",").contains(",'=1+2 towels,");
        assertThat(lines.get(3)).startsWith(mug + ",").contains(",succeeded,20.50,20.50,5.50,USD,")
                .contains(",\"Mugs, blue\",pi_");

        List<String> succeeded = lines(csv("/api/v1/payment-intents/export?status=succeeded", key));
        assertThat(succeeded).hasSize(3);
        assertThat(succeeded.subList(1, 3)).allMatch(line -> line.contains(",succeeded,"));
        assertThat(lines(csv("/api/v1/payment-intents/export?created_before=2000-01-01T00:00:00Z", key)))
                .hasSize(1);

        var unknown = csv("/api/v1/payment-intents/export?status=paid", key);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }

    @Test
    void aViewerExportsButNeverAnotherOrganizationsRows() {
        Person owner = signUp("Viewer exporter");
        String organization = createOrganization(owner, "Viewed Co", null).get("id").asString();
        String key = apiKey(owner, organization, "admin");
        String viewer = apiKey(owner, organization, "viewer");
        String ours = pay(key, 1_500, "pm_card_visa", "Ours", "ours-" + UUID.randomUUID() + "@example.com");

        Person stranger = signUp("Stranger");
        String other = createOrganization(stranger, "Other Co", null).get("id").asString();
        String strangerKey = apiKey(stranger, other, "admin");
        pay(strangerKey, 2_500, "pm_card_visa", "Theirs", "theirs-" + UUID.randomUUID() + "@example.com");

        List<String> viewed = lines(csv("/api/v1/payment-intents/export", viewer));
        assertThat(viewed).hasSize(2);
        assertThat(viewed.get(1)).startsWith(ours + ",");
        assertThat(String.join("\n", lines(csv("/api/v1/payment-intents/export", strangerKey)))).doesNotContain(ours);
        assertThat(csv("/api/v1/payment-intents/export", "pdk_not_a_key").statusCode()).isEqualTo(401);
    }

    @Test
    void customersAreExportedAllOrThoseTheSearchFinds() {
        Person owner = signUp("Customer exporter");
        String organization = createOrganization(owner, "Customer Export Co", null).get("id").asString();
        String key = apiKey(owner, organization, "admin");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String ada = json(call("POST", "/api/v1/customers", key, "{\"email\":\"ada-" + tag + "@example.com\","
                + "\"name\":\"Ada, Countess\"}")).get("id").asString();
        String grace = json(call("POST", "/api/v1/customers", key, "{\"email\":\"grace-" + tag + "@example.com\","
                + "\"name\":\"Grace\"}")).get("id").asString();
        String gone = json(call("POST", "/api/v1/customers", key, "{\"email\":\"gone-" + tag + "@example.com\"}"))
                .get("id").asString();
        assertThat(call("DELETE", "/api/v1/customers/" + gone, key, null).statusCode()).isEqualTo(200);

        var all = csv("/api/v1/customers/export", key);
        assertThat(all.statusCode()).isEqualTo(200);
        List<String> lines = lines(all);
        assertThat(lines.getFirst()).isEqualTo("id,created_at,email,name,phone,description,stripe_customer_id");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith(grace + ",");
        assertThat(lines.get(2)).startsWith(ada + ",").contains(",\"Ada, Countess\",,,cus_");

        List<String> found = lines(csv("/api/v1/customers/export?q=grace", key));
        assertThat(found).hasSize(2);
        assertThat(found.get(1)).startsWith(grace + ",");
    }
}
