package dev.paydeck.billing;

import com.stripe.param.CouponCreateParams;
import com.stripe.param.InvoiceCreateParams;
import com.stripe.param.InvoiceItemCreateParams;
import com.stripe.param.InvoicePayParams;
import com.stripe.param.TaxRateCreateParams;
import com.stripe.param.WebhookEndpointCreateParams;
import com.stripe.param.WebhookEndpointCreateParams.EnabledEvent;
import dev.paydeck.organizations.StripeCallLog;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.support.IntegrationTest;
import dev.paydeck.support.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Invoices through Paydeck's API on an organization's own sandbox account, seen with stripe-java: made with several
 * lines, a tax rate and a coupon, finalized, sent and paid; voided, written off, paid outside Stripe; those made in
 * Stripe reach Paydeck by webhook; filters, statistics and the export; viewers and other organizations refused.
 */
class InvoicesIntegrationTests extends IntegrationTest {

    private static final List<EnabledEvent> INVOICE_EVENTS = List.of(EnabledEvent.INVOICE__CREATED,
            EnabledEvent.INVOICE__UPDATED, EnabledEvent.INVOICE__FINALIZED, EnabledEvent.INVOICE__PAID,
            EnabledEvent.INVOICE__PAYMENT_SUCCEEDED, EnabledEvent.INVOICE__PAYMENT_FAILED, EnabledEvent.INVOICE__SENT,
            EnabledEvent.INVOICE__VOIDED, EnabledEvent.INVOICE__MARKED_UNCOLLECTIBLE, EnabledEvent.INVOICE__DELETED,
            EnabledEvent.CUSTOMER__CREATED);

    @Autowired
    StripeCallLog calls;
    @Autowired
    MovableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    dev.paydeck.shared.mirror.Janitor janitor;

    @AfterEach
    void timeBackToNow() {
        clock.reset();
    }

    /** An organization on its own sandbox account whose invoice events reach Paydeck, with a customer and a price. */
    private record Shop(Person owner, StripeAccount account, String key, String customer, String stripeCustomer, String price) {
    }

    private Shop shop(String name) throws Exception {
        Person owner = signUp(name);
        StripeAccount account = organizationOnItsOwnSandboxAccount(owner, name);
        var endpoint = account.stripe().v1().webhookEndpoints().create(WebhookEndpointCreateParams.builder()
                .setUrl(url("/webhooks/stripe/" + account.organization())).addAllEnabledEvent(INVOICE_EVENTS).build());
        assertThat(call("PUT", "/api/v1/organizations/" + account.organization() + "/stripe-keys", owner.token(),
                "{\"publishable_key\":\"" + account.publishableKey() + "\",\"secret_key\":\"" + account.secret()
                        + "\",\"webhook_secret\":\"" + endpoint.getSecret() + "\"}").statusCode()).isEqualTo(200);
        String key = account.apiKey();
        JsonNode customer = json(call("POST", "/api/v1/customers", key,
                "{\"email\":\"ada@example.com\",\"name\":\"Ada Lovelace\"}"));
        String product = json(call("POST", "/api/v1/products", key, "{\"name\":\"Consulting hour\"}")).get("id")
                .asString();
        String price = json(call("POST", "/api/v1/prices", key, "{\"product_id\":\"" + product + "\","
                + "\"unit_amount\":1500,\"currency\":\"usd\"}")).get("id").asString();
        return new Shop(owner, account, key, customer.get("id").asString(), customer.get("stripe_customer_id").asString(),
                price);
    }

    private JsonNode create(Shop shop, String extra) {
        var created = call("POST", "/api/v1/invoices", shop.key(), "{\"customer_id\":\"" + shop.customer() + "\","
                + "\"lines\":[{\"price_id\":\"" + shop.price() + "\",\"quantity\":2},{\"amount\":2000,"
                + "\"currency\":\"usd\",\"description\":\"Setup\"}]" + extra + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created);
    }

    private JsonNode act(Shop shop, String id, String action, String body) {
        var response = call("POST", "/api/v1/invoices/" + id + "/" + action, shop.key(), body);
        assertThat(response.statusCode()).as(action + ": " + response.body()).isEqualTo(200);
        return json(response);
    }

    private JsonNode get(Shop shop, String id) {
        return json(call("GET", "/api/v1/invoices/" + id, shop.key(), null));
    }

    @Test
    void aMultiLineInvoiceWithATaxRateAndACouponIsFinalizedSentAndPaid() throws Exception {
        Shop shop = shop("Invoicing shop");
        var stripe = shop.account().stripe();
        String vat = stripe.v1().taxRates().create(TaxRateCreateParams.builder().setDisplayName("VAT")
                .setPercentage(new BigDecimal("20")).setInclusive(false).build()).getId();
        String coupon = stripe.v1().coupons().create(CouponCreateParams.builder().setId("TENOFF")
                .setPercentOff(new BigDecimal("10")).setDuration(CouponCreateParams.Duration.ONCE).build()).getId();

        JsonNode invoice = create(shop, ",\"tax_rates\":[\"" + vat + "\"],\"coupon\":\"" + coupon + "\","
                + "\"collection_method\":\"send_invoice\",\"days_until_due\":14,\"description\":\"November\"");
        String id = invoice.get("id").asString();
        assertThat(invoice.get("status").asString()).isEqualTo("draft");
        assertThat(invoice.get("subtotal").asLong()).isEqualTo(5000);
        assertThat(invoice.get("discount").asLong()).isEqualTo(500);
        assertThat(invoice.get("tax").asLong()).isEqualTo(900);
        assertThat(invoice.get("total").asLong()).isEqualTo(5400);
        assertThat(invoice.get("total_formatted").asString()).isEqualTo("$54.00");
        assertThat(invoice.get("customer_id").asString()).isEqualTo(shop.customer());

        var inStripe = stripe.v1().invoices().retrieve(invoice.get("stripe_invoice_id").asString());
        assertThat(inStripe.getMetadata()).containsEntry("paydeck_invoice_id", id);
        assertThat(inStripe.getCustomer()).isEqualTo(shop.stripeCustomer());
        assertThat(inStripe.getCollectionMethod()).isEqualTo("send_invoice");
        assertThat(inStripe.getTotal()).isEqualTo(5400L);
        OrganizationId organization = OrganizationId.parse(shop.account().organization()).orElseThrow();
        assertThat(calls.about(organization, "invoice", id)).extracting(StripeCallLog.Call::idempotencyKey)
                .contains("paydeck-invoice-" + id, "paydeck-invoice-line-0-" + id, "paydeck-invoice-line-1-" + id);

        JsonNode detail = get(shop, id);
        assertThat(detail.get("lines").valueStream().map(line -> line.get("amount").asLong()))
                .containsExactly(3000L, 2000L);
        assertThat(detail.at("/lines/0/quantity").asLong()).isEqualTo(2);
        assertThat(detail.at("/lines/0/tax_rates/0").asString()).isEqualTo(vat);
        assertThat(detail.at("/lines/0/description").asString()).as("the product's name")
                .isEqualTo("Consulting hour");
        assertThat(detail.at("/lines/1/description").asString()).isEqualTo("Setup");
        assertThat(detail.get("stripe_calls").size()).isGreaterThanOrEqualTo(3);

        JsonNode open = act(shop, id, "finalize", null);
        assertThat(open.get("status").asString()).isEqualTo("open");
        assertThat(open.get("number").asString()).isNotBlank();
        assertThat(open.get("hosted_invoice_url").asString()).contains("/sandbox/invoices/");
        assertThat(open.get("invoice_pdf").asString()).endsWith("/pdf");
        assertThat(open.get("due_date").isNull()).isFalse();
        assertThat(call("POST", "/api/v1/invoices/" + id + "/finalize", shop.key(), null).statusCode())
                .as("finalized twice").isEqualTo(409);

        assertThat(act(shop, id, "send", null).get("status").asString()).isEqualTo("open");
        JsonNode paid = act(shop, id, "pay", "{\"payment_method\":\"pm_card_visa\"}");
        assertThat(paid.get("status").asString()).isEqualTo("paid");
        assertThat(paid.get("amount_paid").asLong()).isEqualTo(5400);
        assertThat(paid.get("amount_remaining").asLong()).isZero();
        assertThat(stripe.v1().invoices().retrieve(inStripe.getId()).getStatus()).isEqualTo("paid");
        assertThat(call("POST", "/api/v1/invoices/" + id + "/void", shop.key(), null).statusCode())
                .as("a paid invoice is not voided").isEqualTo(409);

        var credited = call("POST", "/api/v1/invoices/" + id + "/credit-notes", shop.key(),
                "{\"amount\":1000,\"reason\":\"order_change\",\"memo\":\"One hour less\"}");
        assertThat(credited.statusCode()).as(credited.body()).isEqualTo(201);
        JsonNode note = json(credited);
        assertThat(note.get("status").asString()).isEqualTo("issued");
        assertThat(note.get("refunded").asBoolean()).isTrue();
        assertThat(note.get("amount_formatted").asString()).isEqualTo("$10.00");
        var inStripeNote = stripe.v1().creditNotes().retrieve(note.get("stripe_credit_note_id").asString());
        assertThat(inStripeNote.getAmount()).isEqualTo(1000L);
        assertThat(inStripeNote.getInvoice()).isEqualTo(inStripe.getId());
        assertThat(inStripeNote.getRefunds()).isNotEmpty();
        assertThat(call("POST", "/api/v1/invoices/" + id + "/credit-notes", shop.key(), "{\"amount\":4401}")
                .statusCode()).as("more than was paid and not yet credited").isEqualTo(400);
        assertThat(call("POST", "/api/v1/invoices/" + id + "/credit-notes", shop.key(), "{\"amount\":100,"
                + "\"reason\":\"because\"}").statusCode()).isEqualTo(400);
        assertThat(get(shop, id).at("/credit_notes/0/number").asString()).isEqualTo(inStripeNote.getNumber());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(json(call("GET",
                "/api/v1/audit-log?limit=200", shop.key(), null)).toString())
                .contains(id, "invoice.created", "invoice.finalized", "invoice.sent", "invoice.paid"));
    }

    @Test
    void anInvoicePaidInStripeShowsPaidInPaydeckByWebhook() throws Exception {
        Shop shop = shop("Paid elsewhere");
        String id = create(shop, "").get("id").asString();
        String stripeId = act(shop, id, "finalize", null).get("stripe_invoice_id").asString();

        shop.account().stripe().v1().invoices().pay(stripeId, InvoicePayParams.builder()
                .setPaymentMethod("pm_card_visa").build());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(get(shop, id).at("/invoice/status").asString()).isEqualTo("paid"));
    }

    @Test
    void aDeclinedChargeLeavesTheInvoiceOpenAndIsInTheAuditLog() throws Exception {
        Shop shop = shop("Declined invoice");
        String id = create(shop, "").get("id").asString();
        act(shop, id, "finalize", null);
        var declined = call("POST", "/api/v1/invoices/" + id + "/pay", shop.key(),
                "{\"payment_method\":\"pm_card_chargeDeclined\"}");
        assertThat(declined.statusCode()).as(declined.body()).isEqualTo(402);
        assertThat(declined.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(get(shop, id).at("/invoice/status").asString()).isEqualTo("open");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(json(call("GET",
                "/api/v1/audit-log?action=invoice.payment_failed", shop.key(), null)).toString()).contains(id));
        assertThat(act(shop, id, "pay", "{\"payment_method\":\"pm_card_visa\"}").get("status").asString())
                .as("another card").isEqualTo("paid");
    }

    @Test
    void anInvoiceMadeInStripeIsRecordedWithItsCustomerAndLines() throws Exception {
        Shop shop = shop("Dashboard invoices");
        var stripe = shop.account().stripe();
        var draft = stripe.v1().invoices().create(InvoiceCreateParams.builder().setCustomer(shop.stripeCustomer())
                .setCollectionMethod(InvoiceCreateParams.CollectionMethod.SEND_INVOICE).setDaysUntilDue(7L).build());
        stripe.v1().invoiceItems().create(InvoiceItemCreateParams.builder().setCustomer(shop.stripeCustomer())
                .setInvoice(draft.getId()).setAmount(4200L).setCurrency("usd").setDescription("Made by hand").build());
        stripe.v1().invoices().finalizeInvoice(draft.getId());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode listed = json(call("GET", "/api/v1/invoices?customer_id=" + shop.customer(), shop.key(), null));
            assertThat(listed.get("data").size()).isEqualTo(1);
            assertThat(listed.at("/data/0/stripe_invoice_id").asString()).isEqualTo(draft.getId());
            assertThat(listed.at("/data/0/status").asString()).isEqualTo("open");
            assertThat(listed.at("/data/0/total").asLong()).isEqualTo(4200);
            String id = listed.at("/data/0/id").asString();
            assertThat(get(shop, id).at("/lines/0/description").asString()).isEqualTo("Made by hand");
        });
    }

    @Test
    void anInvoiceMadeInStripeBeforePaydeckListenedArrivesByResync() throws Exception {
        Person owner = signUp("Resynced invoices");
        StripeAccount account = organizationOnItsOwnSandboxAccount(owner, "Resynced invoices");
        String stripeCustomer = json(call("POST", "/api/v1/customers", account.apiKey(),
                "{\"email\":\"late@example.com\"}")).get("stripe_customer_id").asString();
        var stripe = account.stripe();
        var draft = stripe.v1().invoices().create(InvoiceCreateParams.builder().setCustomer(stripeCustomer)
                .setCurrency("eur").build());
        stripe.v1().invoiceItems().create(InvoiceItemCreateParams.builder().setCustomer(stripeCustomer)
                .setInvoice(draft.getId()).setAmount(990L).setCurrency("eur").setDescription("Before").build());
        assertThat(json(call("GET", "/api/v1/invoices", account.apiKey(), null)).get("data").size()).isZero();

        assertThat(call("POST", "/api/v1/resync", account.apiKey(), "{}").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> json(call("GET", "/api/v1/invoices", account.apiKey(),
                null)).get("data").size() == 1);
        JsonNode invoice = json(call("GET", "/api/v1/invoices", account.apiKey(), null)).at("/data/0");
        assertThat(invoice.get("stripe_invoice_id").asString()).isEqualTo(draft.getId());
        assertThat(invoice.get("status").asString()).isEqualTo("draft");
        assertThat(invoice.get("total_formatted").asString()).isEqualTo("€9.90");
    }

    @Test
    void aCreationWhoseAnswerWasLostIsFinishedOnceByTheJanitor() throws Exception {
        Shop shop = shop("Lost answers");
        shop.account().fault("lose_response");
        var failed = call("POST", "/api/v1/invoices", shop.key(), "{\"customer_id\":\"" + shop.customer() + "\","
                + "\"lines\":[{\"price_id\":\"" + shop.price() + "\"},{\"amount\":700,\"currency\":\"usd\","
                + "\"description\":\"Extra\"}]}");
        assertThat(failed.statusCode()).as(failed.body()).isEqualTo(503);
        String id = json(failed).get("invoice_id").asString();
        assertThat(get(shop, id).at("/invoice/status").asString()).isEqualTo("unknown");
        shop.account().fault("none");

        clock.advance(Duration.ofMinutes(5));
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            janitor.run();
            return "draft".equals(get(shop, id).at("/invoice/status").asString());
        });
        var inStripe = shop.account().stripe().v1().invoices().list().getData();
        assertThat(inStripe).hasSize(1);
        assertThat(inStripe.get(0).getMetadata()).containsEntry("paydeck_invoice_id", id);
        assertThat(inStripe.get(0).getTotal()).isEqualTo(2200L);
        assertThat(get(shop, id).get("lines").size()).isEqualTo(2);
    }

    @Test
    void aCreditNoteStripeDidNotAnswerIsIssuedOnceByTheJanitor() throws Exception {
        Shop shop = shop("Unanswered credit notes");
        String id = create(shop, "").get("id").asString();
        act(shop, id, "pay", "{\"payment_method\":\"pm_card_visa\"}");
        shop.account().fault("unavailable");
        var failed = call("POST", "/api/v1/invoices/" + id + "/credit-notes", shop.key(), "{\"amount\":800}");
        assertThat(failed.statusCode()).as(failed.body()).isEqualTo(503);
        assertThat(get(shop, id).at("/credit_notes/0/status").asString()).isEqualTo("unknown");
        shop.account().fault("none");

        clock.advance(Duration.ofMinutes(5));
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            janitor.run();
            return "issued".equals(get(shop, id).at("/credit_notes/0/status").asString());
        });
        var notes = shop.account().stripe().v1().creditNotes().list().getData();
        assertThat(notes).hasSize(1);
        assertThat(notes.get(0).getAmount()).isEqualTo(800L);
        assertThat(get(shop, id).get("credit_notes").size()).isEqualTo(1);
    }

    @Test
    void anInvoiceIsVoidedWrittenOffOrPaidOutsideStripe() throws Exception {
        Shop shop = shop("Closing invoices");
        String voided = create(shop, "").get("id").asString();
        assertThat(call("POST", "/api/v1/invoices/" + voided + "/void", shop.key(), null).statusCode())
                .as("a draft is not voided").isEqualTo(409);
        act(shop, voided, "finalize", null);
        assertThat(act(shop, voided, "void", null).get("status").asString()).isEqualTo("void");

        String written = create(shop, ",\"collection_method\":\"send_invoice\"").get("id").asString();
        act(shop, written, "finalize", null);
        assertThat(act(shop, written, "mark-uncollectible", null).get("status").asString())
                .isEqualTo("uncollectible");

        JsonNode outOfBand = act(shop, written, "pay", "{\"paid_out_of_band\":true}");
        assertThat(outOfBand.get("status").asString()).isEqualTo("paid");
        assertThat(outOfBand.get("paid_out_of_band").asBoolean()).isTrue();
        assertThat(shop.account().stripe().v1().invoices().retrieve(outOfBand.get("stripe_invoice_id").asString())
                .getStatus()).isEqualTo("paid");
        var givenBack = call("POST", "/api/v1/invoices/" + written + "/credit-notes", shop.key(), "{\"amount\":500}");
        assertThat(givenBack.statusCode()).as(givenBack.body()).isEqualTo(201);
        assertThat(json(givenBack).get("refunded").asBoolean()).as("paid outside Stripe, given back outside it")
                .isFalse();
        assertThat(call("POST", "/api/v1/invoices/" + voided + "/credit-notes", shop.key(), "{\"amount\":500}")
                .statusCode()).as("a void invoice takes no credit note").isEqualTo(409);

        String automatic = create(shop, "").get("id").asString();
        act(shop, automatic, "finalize", null);
        assertThat(call("POST", "/api/v1/invoices/" + automatic + "/send", shop.key(), null).statusCode())
                .as("an invoice charged automatically is not sent").isEqualTo(409);
    }

    @Test
    void theListFiltersByStatusCustomerTimeAndOverdueAndPagesWithACursor() throws Exception {
        Shop shop = shop("Filtering invoices");
        String draft = create(shop, "").get("id").asString();
        String due = create(shop, ",\"collection_method\":\"send_invoice\",\"days_until_due\":3").get("id")
                .asString();
        act(shop, due, "finalize", null);
        String paid = create(shop, "").get("id").asString();
        act(shop, paid, "pay", "{\"payment_method\":\"pm_card_visa\"}");

        assertThat(ids(shop, "status=draft")).containsExactly(draft);
        assertThat(ids(shop, "status=paid")).containsExactly(paid);
        assertThat(ids(shop, "customer_id=" + shop.customer())).containsExactly(paid, due, draft);
        assertThat(ids(shop, "customer_id=" + UUID.randomUUID())).isEmpty();
        assertThat(ids(shop, "created_from=2000-01-01T00:00:00Z&created_before=2000-01-02T00:00:00Z")).isEmpty();
        assertThat(ids(shop, "overdue=true")).isEmpty();

        JsonNode first = json(call("GET", "/api/v1/invoices?limit=2", shop.key(), null));
        assertThat(first.get("has_more").asBoolean()).isTrue();
        JsonNode second = json(call("GET", "/api/v1/invoices?limit=2&starting_after="
                + first.get("next_starting_after").asString(), shop.key(), null));
        assertThat(second.get("data").valueStream().map(i -> i.get("id").asString())).containsExactly(draft);

        clock.advance(Duration.ofDays(5));
        assertThat(ids(shop, "overdue=true")).containsExactly(due);
        assertThat(get(shop, due).at("/invoice/overdue").asBoolean()).isTrue();

        JsonNode statistics = json(call("GET", "/api/v1/invoices/statistics", shop.key(), null));
        JsonNode usd = statistics.at("/currencies/0");
        assertThat(usd.get("currency").asString()).isEqualTo("usd");
        assertThat(usd.at("/overdue/count").asLong()).isEqualTo(1);
        assertThat(usd.at("/overdue/amount").asLong()).isEqualTo(5000);
        assertThat(usd.at("/paid/count").asLong()).isEqualTo(1);
        assertThat(usd.at("/paid/amount").asLong()).isEqualTo(5000);
        assertThat(usd.at("/open/count").asLong()).isZero();
        assertThat(call("GET", "/api/v1/invoices/statistics?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z",
                shop.key(), null).statusCode()).isEqualTo(400);

        var export = send(request("/api/v1/invoices/export?status=paid").header("Authorization", "Bearer "
                + shop.key()).header("Accept", "text/csv").GET());
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        List<String> rows = export.body().replace("\uFEFF", "").lines().toList();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).startsWith("id,number,created_at,status");
        assertThat(rows.get(1)).startsWith(paid).contains(",paid,", ",USD,50.00,");
    }

    private List<String> ids(Shop shop, String query) {
        var response = call("GET", "/api/v1/invoices?" + query, shop.key(), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).get("data").valueStream().map(i -> i.get("id").asString()).toList();
    }

    @Test
    void badInputIsRefusedWithTheFieldAndNothingIsMade() throws Exception {
        Shop shop = shop("Careful invoicing");
        String customer = "\"customer_id\":\"" + shop.customer() + "\"";
        assertThat(call("POST", "/api/v1/invoices", shop.key(), "{" + customer + ",\"lines\":[]}").statusCode())
                .isEqualTo(400);
        var unknownPrice = call("POST", "/api/v1/invoices", shop.key(), "{" + customer + ",\"lines\":[{\"price_id\":\""
                + UUID.randomUUID() + "\"}]}");
        assertThat(unknownPrice.statusCode()).isEqualTo(400);
        assertThat(unknownPrice.body()).contains("lines[0].price_id");
        assertThat(call("POST", "/api/v1/invoices", shop.key(), "{\"customer_id\":\"" + UUID.randomUUID()
                + "\",\"lines\":[{\"amount\":100,\"currency\":\"usd\",\"description\":\"x\"}]}").statusCode())
                .isEqualTo(400);
        assertThat(call("POST", "/api/v1/invoices", shop.key(), "{" + customer + ",\"lines\":[{\"amount\":100,"
                + "\"currency\":\"usd\"}]}").statusCode()).as("no description").isEqualTo(400);
        assertThat(call("POST", "/api/v1/invoices", shop.key(), "{" + customer + ",\"lines\":[{\"amount\":100,"
                + "\"currency\":\"eur\",\"description\":\"a\"},{\"amount\":100,\"currency\":\"usd\","
                + "\"description\":\"b\"}]}").statusCode()).as("two currencies").isEqualTo(400);
        assertThat(call("POST", "/api/v1/invoices", shop.key(), "{" + customer + ",\"lines\":[{\"amount\":-5,"
                + "\"currency\":\"usd\",\"description\":\"a\"}]}").statusCode()).isEqualTo(400);
        assertThat(call("POST", "/api/v1/invoices", shop.key(), "{" + customer + ",\"lines\":[{\"amount\":100,"
                + "\"currency\":\"usd\",\"description\":\"a\"}],\"days_until_due\":5}").statusCode())
                .as("days until due on an automatic invoice").isEqualTo(400);
        assertThat(call("POST", "/api/v1/invoices", shop.key(), "{" + customer + ",\"lines\":[{\"amount\":100,"
                + "\"currency\":\"usd\",\"description\":\"a\"}],\"tax_rates\":[\"vat\"]}").statusCode())
                .isEqualTo(400);
        var unknownCoupon = call("POST", "/api/v1/invoices", shop.key(), "{" + customer + ",\"lines\":[{\"amount\":"
                + "100,\"currency\":\"usd\",\"description\":\"a\"}],\"coupon\":\"NOSUCH\"}");
        assertThat(unknownCoupon.statusCode()).as(unknownCoupon.body()).isBetween(400, 499);
        assertThat(call("GET", "/api/v1/invoices?status=late", shop.key(), null).statusCode()).isEqualTo(400);
        assertThat(call("GET", "/api/v1/invoices/" + UUID.randomUUID(), shop.key(), null).statusCode())
                .isEqualTo(404);
        assertThat(json(call("GET", "/api/v1/invoices", shop.key(), null)).get("data").size()).isZero();
    }

    @Test
    void aRepeatedIdempotencyKeyMakesOneInvoice() throws Exception {
        Shop shop = shop("Idempotent invoicing");
        String body = "{\"customer_id\":\"" + shop.customer() + "\",\"lines\":[{\"amount\":700,\"currency\":\"usd\","
                + "\"description\":\"Once\"}]}";
        var first = send(request("/api/v1/invoices").header("Authorization", "Bearer " + shop.key())
                .header("Content-Type", "application/json").header("Idempotency-Key", "invoice-once")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
        var again = send(request("/api/v1/invoices").header("Authorization", "Bearer " + shop.key())
                .header("Content-Type", "application/json").header("Idempotency-Key", "invoice-once")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
        assertThat(json(again).get("id").asString()).isEqualTo(json(first).get("id").asString());
        assertThat(json(call("GET", "/api/v1/invoices", shop.key(), null)).get("data").size()).isEqualTo(1);
    }

    @Test
    void aViewerReadsButChangesNothingAndAnotherOrganizationSeesNothing() throws Exception {
        Shop shop = shop("Guarded invoices");
        String id = create(shop, "").get("id").asString();
        Person owner = signUp("Viewer's boss");
        String organization = createOrganization(owner, "Other invoicer", null).get("id").asString();
        String other = apiKey(owner, organization, "admin");
        assertThat(call("GET", "/api/v1/invoices/" + id, other, null).statusCode()).isEqualTo(404);
        assertThat(call("POST", "/api/v1/invoices/" + id + "/finalize", other, null).statusCode()).isEqualTo(404);
        assertThat(json(call("GET", "/api/v1/invoices", other, null)).get("data").size()).isZero();

        String viewer = viewerKey(shop);
        assertThat(call("GET", "/api/v1/invoices/" + id, viewer, null).statusCode()).isEqualTo(200);
        assertThat(call("POST", "/api/v1/invoices/" + id + "/finalize", viewer, null).statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/v1/invoices", viewer, "{\"customer_id\":\"" + shop.customer() + "\","
                + "\"lines\":[{\"amount\":100,\"currency\":\"usd\",\"description\":\"x\"}]}").statusCode())
                .isEqualTo(403);
        assertThat(get(shop, id).at("/invoice/status").asString()).isEqualTo("draft");
    }

    private String viewerKey(Shop shop) {
        return apiKey(shop.owner(), shop.account().organization(), "viewer");
    }

    @Test
    void theStatusColumnTakesExactlyTheStatusesTheCodeKnows() throws Exception {
        Shop shop = shop("Invoice statuses");
        String id = create(shop, "").get("id").asString();
        for (InvoiceStatus status : InvoiceStatus.values()) {
            set(id, status.code());
        }
        assertThatThrownBy(() -> set(id, "succeeded")).isInstanceOf(DataIntegrityViolationException.class);
    }

    private void set(String id, String status) {
        jdbc.sql("update invoices set status = ? where id = ?").params(status, UUID.fromString(id)).update();
    }
}
