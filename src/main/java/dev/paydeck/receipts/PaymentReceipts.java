package dev.paydeck.receipts;

import dev.paydeck.customers.Customer;
import dev.paydeck.customers.Customers;
import dev.paydeck.organizations.Organization;
import dev.paydeck.organizations.Organizations;
import dev.paydeck.payments.Charge;
import dev.paydeck.payments.Payment;
import dev.paydeck.payments.PaymentSucceeded;
import dev.paydeck.payments.Payments;
import dev.paydeck.platform.Mail;
import dev.paydeck.platform.MailLanguages;
import dev.paydeck.platform.MailMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Mails the customer a receipt when their payment succeeded: the organization, the amount received, what it was for,
 * the date, the card, and a reference to quote. Only payments with a customer that has an email get one. The mail's
 * key is the payment's, so a redelivered event sends nothing more. {@code paydeck.receipts.enabled=false} turns
 * receipts off (a business that sends its own). A payment without a customer is not even handed to this listener: it
 * costs no publication in the event registry (two writes and two transactions per payment under load).
 */
@Component
class PaymentReceipts {

    private final Payments payments;
    private final Customers customers;
    private final Organizations organizations;
    private final Mail mail;
    private final boolean enabled;

    PaymentReceipts(Payments payments, Customers customers, Organizations organizations, Mail mail,
            @Value("${paydeck.receipts.enabled:true}") boolean enabled) {
        this.payments = payments;
        this.customers = customers;
        this.organizations = organizations;
        this.mail = mail;
        this.enabled = enabled;
    }

    @ApplicationModuleListener(condition = "#succeeded.customer() != null")
    void succeeded(PaymentSucceeded succeeded) {
        if (!enabled) {
            return;
        }
        Payment payment = payments.find(succeeded.organization(), succeeded.payment()).orElse(null);
        if (payment == null || payment.customerId() == null) {
            return;
        }
        String email = customers.find(succeeded.organization(), payment.customerId()).map(Customer::email)
                .orElse(null);
        Organization organization = organizations.find(succeeded.organization()).orElse(null);
        if (email == null || email.isBlank() || organization == null) {
            return;
        }
        Locale locale = language(organization.country());
        Map<String, Object> variables = new HashMap<>();
        variables.put("organization", organization.name());
        variables.put("amount", payment.amountReceived().isPositive() ? payment.amountReceived().format(locale)
                : succeeded.amount().format(locale));
        variables.put("date", DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)
                .format(succeeded.occurredAt().atZone(ZoneOffset.UTC)));
        variables.put("reference", payment.stripePaymentIntentId() != null ? payment.stripePaymentIntentId()
                : payment.id().toString());
        if (payment.description() != null && !payment.description().isBlank()) {
            variables.put("description", payment.description());
        }
        payments.charges(succeeded.organization(), succeeded.payment()).stream()
                .filter(charge -> charge.paid() && charge.cardLast4() != null).reduce((first, last) -> last)
                .ifPresent(charge -> variables.put("card", card(charge)));
        mail.send(new MailMessage("receipt:payment:" + payment.id(), succeeded.organization(), email, "receipt",
                variables, locale, false));
    }

    /** The language of a receipt: the organization's country's, among those Paydeck speaks. */
    static Locale language(String country) {
        return MailLanguages.ofCountry(country);
    }

    private static String card(Charge charge) {
        String brand = charge.cardBrand() == null ? "" : switch (charge.cardBrand()) {
            case "visa" -> "Visa";
            case "mastercard" -> "Mastercard";
            case "amex" -> "American Express";
            case "discover" -> "Discover";
            case "jcb" -> "JCB";
            case "diners" -> "Diners Club";
            case "unionpay" -> "UnionPay";
            default -> charge.cardBrand();
        };
        return (brand + " •••• " + charge.cardLast4()).strip();
    }
}
