package dev.paydeck.receipts;

import com.stripe.StripeClient;
import com.stripe.model.PaymentMethod;
import com.stripe.model.testhelpers.TestClock;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.PaymentMethodAttachParams;
import com.stripe.param.testhelpers.TestClockAdvanceParams;
import com.stripe.param.testhelpers.TestClockCreateParams;
import dev.paydeck.organizations.StripeClients;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Billing's mails to customers, through Paydeck's API on an organization's sandbox account (customers on a test clock
 * for subscriptions): the invoice when it is sent, with its PDF; a notice before a trial ends and a request to update
 * the card when a renewal fails, each with a link to the customer's portal; each mail once.
 */
class BillingMailsIntegrationTests extends IntegrationTest {

    /** 2025-01-01T00:00:00Z, the test clocks' start. */
    private static final long NEW_YEAR = 1_735_689_600L;
    private static final long DAY = 86_400;
    private static final Pattern LINK = Pattern.compile("https?://\\S+/portal/[A-Za-z0-9_-]{43}");

    @Autowired
    StripeClients stripeClients;
    @Autowired
    JdbcClient jdbc;

    private record Mail(String subject, String text, List<byte[]> attachments) {
    }

    private List<Mail> mailsTo(String address) {
        return jdbc.sql("select id, subject, text_body from mail_outbox where lower(to_address) = lower(?) "
                        + "order by created_at").param(address)
                .query((rs, row) -> new Mail(rs.getString("subject"), rs.getString("text_body"),
                        jdbc.sql("select content from mail_attachments where mail_id = ? order by position")
                                .param(rs.getObject("id", UUID.class)).query((a, n) -> a.getBytes(1)).list()))
                .list();
    }

    private Mail awaitMail(String address, String subjectStart) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(address).stream()
                .filter(mail -> mail.subject().startsWith(subjectStart)).findFirst().orElse(null), Objects::nonNull);
    }

    @Test
    void aSentInvoiceIsMailedWithItsLinkAndPdf() {
        Person owner = signUp("Invoice mailer");
        String organization = createOrganization(owner, "Mailed Invoices Co", null).get("id").asString();
        String key = apiKey(owner, organization, "admin");
        String email = "billed-" + UUID.randomUUID() + "@example.com";
        String customer = json(call("POST", "/api/v1/customers", key, "{\"email\":\"" + email + "\"}")).get("id")
                .asString();
        var created = call("POST", "/api/v1/invoices", key, "{\"customer_id\":\"" + customer + "\","
                + "\"lines\":[{\"amount\":4500,\"currency\":\"usd\",\"description\":\"Audit\"}],"
                + "\"collection_method\":\"send_invoice\",\"days_until_due\":14}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String invoice = json(created).get("id").asString();
        assertThat(call("POST", "/api/v1/invoices/" + invoice + "/finalize", key, null).statusCode()).isEqualTo(200);
        assertThat(call("POST", "/api/v1/invoices/" + invoice + "/send", key, null).statusCode()).isEqualTo(200);

        JsonNode sent = json(call("GET", "/api/v1/invoices/" + invoice, key, null)).get("invoice");
        Mail mail = awaitMail(email, "Invoice ");
        assertThat(mail.subject()).isEqualTo("Invoice " + sent.get("number").asString() + " from Mailed Invoices Co");
        assertThat(mail.text()).contains("$45.00", sent.get("hosted_invoice_url").asString());
        assertThat(mail.attachments()).hasSize(1);
        assertThat(new String(mail.attachments().getFirst(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");

        // Paid outside Stripe (a bank transfer): no card payment to send a receipt for, so the invoice's receipt.
        assertThat(call("POST", "/api/v1/invoices/" + invoice + "/pay", key, "{\"paid_out_of_band\":true}")
                .statusCode()).isEqualTo(200);
        Mail receipt = awaitMail(email, "Your receipt");
        assertThat(receipt.subject()).isEqualTo("Your receipt from Mailed Invoices Co");
        assertThat(receipt.text()).contains("$45.00", sent.get("number").asString());
    }

    @Test
    void aTrialEndingAndAFailedRenewalAreMailedOnceWithALinkToThePortal() throws Exception {
        Person owner = signUp("Dunning owner");
        String organization = createOrganization(owner, "Dunning Co", null).get("id").asString();
        String key = apiKey(owner, organization, "admin");
        StripeClient stripe = stripeClients.forOrganization(OrganizationId.parse(organization).orElseThrow());
        String product = json(call("POST", "/api/v1/products", key, "{\"name\":\"Team plan\"}")).get("id").asString();
        String price = json(call("POST", "/api/v1/prices", key, "{\"product_id\":\"" + product + "\",\"unit_amount\":"
                + "2000,\"currency\":\"usd\",\"recurring\":{\"interval\":\"month\"}}")).get("id").asString();
        TestClock clock = stripe.v1().testHelpers().testClocks().create(TestClockCreateParams.builder()
                .setFrozenTime(NEW_YEAR).build());
        String email = "trial-" + UUID.randomUUID() + "@example.com";
        var stripeCustomer = stripe.v1().customers().create(CustomerCreateParams.builder().setEmail(email)
                .setName("Ada").setTestClock(clock.getId()).build());
        defaultCard(stripe, stripeCustomer.getId(), "pm_card_visa");
        String customer = await().atMost(Duration.ofSeconds(20)).until(() -> json(call("GET",
                        "/api/v1/customers?limit=100", key, null)).get("data").valueStream()
                .filter(c -> stripeCustomer.getId().equals(c.path("stripe_customer_id").asString(null)))
                .map(c -> c.get("id").asString()).findFirst().orElse(null), Objects::nonNull);
        var subscribed = call("POST", "/api/v1/subscriptions", key, "{\"customer_id\":\"" + customer
                + "\",\"price_id\":\"" + price + "\",\"trial_period_days\":14}");
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);

        advance(stripe, clock, NEW_YEAR + 12 * DAY);
        Mail trial = awaitMail(email, "Your trial with Dunning Co ends soon");
        assertThat(trial.text()).contains("Team plan", "$20.00");
        assertPortalOf(trial, email);

        defaultCard(stripe, stripeCustomer.getId(), "pm_card_chargeCustomerFail");
        advance(stripe, clock, NEW_YEAR + 15 * DAY);
        Mail dunning = awaitMail(email, "Your payment to Dunning Co failed");
        assertThat(dunning.text()).contains("$20.00");
        assertPortalOf(dunning, email);

        // Stripe retries the same invoice three days later, and fails again: no second request.
        advance(stripe, clock, NEW_YEAR + 19 * DAY);
        Thread.sleep(2_000);
        assertThat(mailsTo(email)).filteredOn(mail -> mail.subject().startsWith("Your payment")).hasSize(1);
        assertThat(mailsTo(email)).filteredOn(mail -> mail.subject().startsWith("Your trial")).hasSize(1);
    }

    private void assertPortalOf(Mail mail, String email) {
        Matcher link = LINK.matcher(mail.text());
        assertThat(link.find()).as(mail.text()).isTrue();
        var portal = get(URI.create(link.group()).getPath(), "text/html");
        assertThat(portal.statusCode()).isEqualTo(200);
        assertThat(portal.body()).contains(email);
    }

    private static void defaultCard(StripeClient stripe, String customer, String token) throws Exception {
        PaymentMethod card = stripe.v1().paymentMethods().attach(token, PaymentMethodAttachParams.builder()
                .setCustomer(customer).build());
        stripe.v1().customers().update(customer, CustomerUpdateParams.builder().setInvoiceSettings(
                CustomerUpdateParams.InvoiceSettings.builder().setDefaultPaymentMethod(card.getId()).build()).build());
    }

    private static void advance(StripeClient stripe, TestClock clock, long to) throws Exception {
        stripe.v1().testHelpers().testClocks().advance(clock.getId(), TestClockAdvanceParams.builder()
                .setFrozenTime(to).build());
        await().atMost(Duration.ofSeconds(30)).until(() -> "ready".equals(stripe.v1().testHelpers().testClocks()
                .retrieve(clock.getId()).getStatus()));
    }
}
