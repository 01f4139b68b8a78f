package dev.paydeck.billing;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stripe's {@code invoice.created}, signed as Stripe signs it: the invoice of a renewal, made outside Paydeck, is
 * recorded from the event's snapshot, without asking Stripe for it again; and a late one never takes back an invoice
 * Paydeck already holds as finalized. The invoices of these events exist nowhere in Stripe: reading one back would
 * fail, and the event with it.
 */
class InvoiceEventsIntegrationTests extends SignedEventsTest {

    private JsonNode sandbox(String path, String form) {
        return json(send(request("/sandbox/v1/" + path).header("Authorization", "Bearer " + secretKey)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))));
    }

    /** A draft invoice of one line as Stripe renders it, for one of Paydeck's customers. */
    private ObjectNode draftInvoice() {
        String customer = json(call("POST", "/api/v1/customers", key, "{\"email\":\"renewal@example.com\"}"))
                .get("stripe_customer_id").asString();
        sandbox("invoiceitems", "customer=" + customer + "&amount=2900&currency=usd&description=Monthly");
        return (ObjectNode) sandbox("invoices", "customer=" + customer + "&pending_invoice_items_behavior=include");
    }

    private JsonNode invoiceInPaydeck(String stripeId) {
        return json(call("GET", "/api/v1/invoices?limit=100", key, null)).get("data").valueStream()
                .filter(invoice -> stripeId.equals(invoice.path("stripe_invoice_id").asString(null)))
                .findFirst().orElse(null);
    }

    private static String unknownToStripe() {
        return "in_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    @Test
    void aRenewalsInvoiceIsRecordedFromItsCreatedEventAndALateOneNeverTakesAFinalizedInvoiceBack() {
        organizationWithAKnownWebhookSecret("Invoice events");
        ObjectNode draft = draftInvoice();
        assertThat(draft.get("status").asString()).isEqualTo("draft");
        long now = Instant.now().getEpochSecond();

        String renewal = unknownToStripe();
        deliver("invoice.created", now, draft.deepCopy().put("id", renewal));
        JsonNode recorded = invoiceInPaydeck(renewal);
        assertThat(recorded).as("recorded from the event alone").isNotNull();
        assertThat(recorded.get("status").asString()).isEqualTo("draft");
        assertThat(recorded.get("total").asLong()).isEqualTo(2900);

        // Its finalization arrives (and is applied) before its creation: the late draft changes nothing.
        String early = unknownToStripe();
        deliver("invoice.finalized", now + 10, draft.deepCopy().put("id", early).put("status", "open")
                .put("number", "RENEW-0001"));
        assertThat(invoiceInPaydeck(early).get("status").asString()).isEqualTo("open");
        deliver("invoice.created", now, draft.deepCopy().put("id", early));
        assertThat(invoiceInPaydeck(early).get("status").asString()).as("a late invoice.created").isEqualTo("open");
    }
}
