package dev.paydeck.receipts;

import dev.paydeck.customers.CustomerId;
import dev.paydeck.payments.PaymentId;
import dev.paydeck.payments.PaymentSucceeded;
import dev.paydeck.shared.Money;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A customer's receipt by mail: once per successful payment, in the organization's language, never for a decline. */
class ReceiptsIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    private record Mailed(String subject, String text) {
    }

    private List<Mailed> mailsTo(String address) {
        return jdbc.sql("select subject, text_body from mail_outbox where to_address = ?").param(address)
                .query((rs, row) -> new Mailed(rs.getString(1), rs.getString(2))).list();
    }

    private String pay(String key, String method, String email) {
        var response = call("POST", "/api/v1/payment-intents", key, "{\"amount\":2050,\"currency\":\"usd\","
                + "\"payment_method\":\"" + method + "\",\"confirm\":true,\"description\":\"Two blue mugs\","
                + "\"customer_email\":\"" + email + "\"}");
        return response.statusCode() == 402 ? json(response).get("payment_id").asString()
                : json(response).at("/payment/id").asString();
    }

    @Test
    void aSuccessfulPaymentMailsTheCustomerOneReceiptEvenWhenItsNewsComesTwice() {
        Person owner = signUp("Receipt owner");
        String organization = createOrganization(owner, "Mug Shop", null).get("id").asString();
        String key = apiKey(owner, organization, "admin");
        String buyer = "receipt-" + UUID.randomUUID() + "@example.com";
        String payment = pay(key, "pm_card_visa", buyer);

        await().atMost(Duration.ofSeconds(20)).until(() -> !mailsTo(buyer).isEmpty());
        Mailed receipt = mailsTo(buyer).getFirst();
        assertThat(receipt.subject()).isEqualTo("Your receipt from Mug Shop");
        assertThat(receipt.text()).contains("Thank you for your payment to Mug Shop.", "Amount paid: $20.50",
                "For: Two blue mugs", "Paid with: Visa •••• 4242", "Reference: pi_");

        // The same news again (a redelivered event, a resync): no second receipt.
        String customer = json(call("GET", "/api/v1/payment-intents/" + payment, key, null)).at("/payment/customer_id")
                .asString();
        var again = new PaymentSucceeded(OrganizationId.parse(organization).orElseThrow(),
                new PaymentId(UUID.fromString(payment)), new CustomerId(UUID.fromString(customer)),
                Money.of(2050, "usd"), "stripe", Instant.now());
        transactions.executeWithoutResult(status -> events.publishEvent(again));
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> mailsTo(buyer).size() == 1);
    }

    @Test
    void aDeclinedPaymentGetsNoReceipt() {
        Person owner = signUp("Declined owner");
        String organization = createOrganization(owner, "Declined Shop", null).get("id").asString();
        String key = apiKey(owner, organization, "admin");
        String buyer = "declined-" + UUID.randomUUID() + "@example.com";
        String paid = "paid-" + UUID.randomUUID() + "@example.com";
        pay(key, "pm_card_chargeDeclined", buyer);
        pay(key, "pm_card_visa", paid);

        // The paid one's receipt arrives; by then the declined one would have had its receipt too.
        await().atMost(Duration.ofSeconds(20)).until(() -> !mailsTo(paid).isEmpty());
        assertThat(mailsTo(buyer)).isEmpty();
    }

    @Test
    void anOrganizationInASpanishSpeakingCountrySendsReceiptsInSpanish() {
        Person owner = signUp("Dueña");
        String organization = createOrganization(owner, "Tienda Bogotá", null).get("id").asString();
        // Where an organization is comes from its first page's form (the API has no field for it yet).
        jdbc.sql("update organizations set country = 'CO' where id = ?").param(UUID.fromString(organization))
                .update();
        String key = apiKey(owner, organization, "admin");
        String buyer = "recibo-" + UUID.randomUUID() + "@example.com";
        pay(key, "pm_card_visa", buyer);

        await().atMost(Duration.ofSeconds(20)).until(() -> !mailsTo(buyer).isEmpty());
        Mailed receipt = mailsTo(buyer).getFirst();
        assertThat(receipt.subject()).isEqualTo("Tu recibo de Tienda Bogotá");
        assertThat(receipt.text()).contains("Gracias por tu pago a Tienda Bogotá.", "Importe pagado:",
                "Concepto: Two blue mugs");
    }
}
