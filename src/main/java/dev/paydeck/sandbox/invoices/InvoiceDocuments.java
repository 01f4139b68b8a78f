package dev.paydeck.sandbox.invoices;

import dev.paydeck.sandbox.api.ListQuery;
import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.SandboxAccount;
import dev.paydeck.sandbox.api.SandboxAccounts;
import dev.paydeck.sandbox.api.StripeObjects;
import dev.paydeck.sandbox.paymentintents.Currencies;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Invoices as people read them: a finalized invoice found by its id alone (the hosted page and PDF know no account;
 * ids are random, and only finalized invoices are hosted, as on Stripe), written for a language as an
 * {@link InvoiceDocument}; and an account's newest invoices, for the sandbox's Invoices tab.
 */
@Service
public class InvoiceDocuments {

    /** A finalized invoice and the account that holds it. */
    record Hosted(SandboxAccount account, ObjectNode invoice) {
    }

    /** An invoice as the Invoices tab lists it; {@code hosted} is false for a draft (no page, no PDF yet). */
    public record Summary(String id, String number, String customer, String status, String total, String created,
                          boolean hosted) {
    }

    private final ObjectStore store;
    private final SandboxAccounts accounts;

    InvoiceDocuments(ObjectStore store, SandboxAccounts accounts) {
        this.store = store;
        this.accounts = accounts;
    }

    /** The finalized invoice with this id, whatever its account; empty for a draft or an unknown id. */
    Optional<Hosted> finalized(String invoiceId) {
        if (invoiceId == null || !invoiceId.matches("in_[A-Za-z0-9]{1,64}")) {
            return Optional.empty();
        }
        return store.accountHolding("invoice", invoiceId).flatMap(accounts::byId)
                .flatMap(account -> store.find(account.id(), invoiceId)
                        .filter(invoice -> !"draft".equals(invoice.path("status").asString()))
                        .map(invoice -> new Hosted(account, invoice)));
    }

    /** The account's newest invoices, drafts too, written for the language. */
    public List<Summary> recent(String accountId, int limit, Locale locale) {
        return store.list(accountId, "invoice", ListQuery.newest(limit), "/v1/invoices").data().stream()
                .map(invoice -> new Summary(invoice.get("id").asString(), invoice.path("number").asString(null),
                        customerLabel(invoice), invoice.path("status").asString(),
                        money(invoice.path("total").asLong(), invoice.path("currency").asString(), locale),
                        date(invoice.path("created").asLong(), locale),
                        !"draft".equals(invoice.path("status").asString())))
                .toList();
    }

    /** The invoice written for a reader of that language. */
    InvoiceDocument document(Hosted hosted, Locale locale) {
        ObjectNode invoice = hosted.invoice();
        String currency = invoice.get("currency").asString();
        String accountId = hosted.account().id();
        List<InvoiceDocument.Line> lines = new ArrayList<>();
        for (JsonNode line : invoice.at("/lines/data")) {
            lines.add(new InvoiceDocument.Line(line.path("description").asString(""), line.path("quantity").asLong(1),
                    unitAmount(line, currency, locale), money(line.path("amount").asLong(), currency, locale),
                    period(line.path("period"), locale)));
        }
        List<InvoiceDocument.Adjustment> discounts = new ArrayList<>();
        for (JsonNode discount : invoice.path("total_discount_amounts")) {
            String name = store.find(accountId, discount.path("discount").asString(""))
                    .map(found -> found.at("/coupon/name").asString(null)).orElse(null);
            discounts.add(new InvoiceDocument.Adjustment(name, null, false,
                    money(-discount.path("amount").asLong(), currency, locale)));
        }
        List<InvoiceDocument.Adjustment> taxes = new ArrayList<>();
        for (JsonNode tax : invoice.path("total_taxes")) {
            Optional<ObjectNode> rate = store.find(accountId, tax.at("/tax_rate_details/tax_rate").asString(""));
            String name = rate.map(found -> found.path("display_name").asString("")).filter(text -> !text.isBlank())
                    .orElse(null);
            String percentage = rate.map(found -> percentage(found.path("percentage").asString("0"), locale))
                    .orElse(null);
            taxes.add(new InvoiceDocument.Adjustment(name, percentage,
                    "inclusive".equals(tax.path("tax_behavior").asString()),
                    money(tax.path("amount").asLong(), currency, locale)));
        }
        long startingBalance = invoice.path("starting_balance").asLong();
        String status = invoice.get("status").asString();
        JsonNode transitions = invoice.path("status_transitions");
        long closed = switch (status) {
            case "paid" -> transitions.path("paid_at").asLong(0);
            case "void" -> transitions.path("voided_at").asLong(0);
            case "uncollectible" -> transitions.path("marked_uncollectible_at").asLong(0);
            default -> 0;
        };
        String clientSecret = invoice.at("/confirmation_secret/client_secret").asString(null);
        boolean payable = "open".equals(status) && invoice.path("amount_remaining").asLong() > 0
                && clientSecret != null;
        return new InvoiceDocument(invoice.get("id").asString(), invoice.path("number").asString(null), status,
                currency.toUpperCase(Locale.ROOT), invoice.path("account_name").asString(hosted.account().name()),
                invoice.path("account_country").asString(null), customer(invoice),
                date(transitions.path("finalized_at").asLong(invoice.path("created").asLong()), locale),
                invoice.path("due_date").isNumber() ? date(invoice.get("due_date").asLong(), locale) : null,
                closed == 0 ? null : date(closed, locale), lines, discounts, taxes,
                money(invoice.path("subtotal").asLong(), currency, locale),
                money(invoice.path("total").asLong(), currency, locale),
                startingBalance == 0 ? null : money(startingBalance, currency, locale),
                money(invoice.path("amount_due").asLong(), currency, locale),
                money(invoice.path("amount_paid").asLong(), currency, locale),
                money(invoice.path("amount_remaining").asLong(), currency, locale),
                invoice.path("description").asString(null), invoice.path("footer").asString(null),
                invoice.path("hosted_invoice_url").asString(null), invoice.path("invoice_pdf").asString(null),
                payable ? new InvoiceDocument.Payment(hosted.account().publishableKey(), clientSecret) : null,
                "paid".equals(status) ? receipt(accountId, invoice) : null);
    }

    /**
     * Why the invoice's last payment failed (its PaymentIntent's {@code last_payment_error}): its {@code decline_code}
     * or {@code code}, and Stripe's message; empty when the last attempt did not fail.
     */
    Optional<Failure> lastFailure(Hosted hosted) {
        return intent(hosted.account().id(), hosted.invoice())
                .map(intent -> intent.path("last_payment_error"))
                .filter(JsonNode::isObject)
                .map(error -> new Failure(error.path("decline_code").asString(error.path("code").asString("")),
                        error.path("message").asString("")));
    }

    /** A failed payment: Stripe's code and message. */
    record Failure(String code, String message) {
    }

    private Optional<ObjectNode> intent(String accountId, ObjectNode invoice) {
        String intentId = invoice.path("_payment_intent").asString(null);
        return intentId == null ? Optional.empty() : store.find(accountId, intentId);
    }

    /** {@code Visa •••• 4242}: the card of the PaymentIntent that paid the invoice; null if paid otherwise. */
    private String receipt(String accountId, ObjectNode invoice) {
        return intent(accountId, invoice)
                .filter(intent -> "succeeded".equals(intent.path("status").asString()))
                .map(intent -> StripeObjects.string(intent, "payment_method"))
                .flatMap(paymentMethod -> store.find(accountId, paymentMethod))
                .filter(paymentMethod -> paymentMethod.path("card").isObject())
                .map(paymentMethod -> brand(paymentMethod.at("/card/brand").asString()) + " •••• "
                        + paymentMethod.at("/card/last4").asString())
                .orElse(null);
    }

    private static String brand(String brand) {
        return switch (brand) {
            case "amex" -> "American Express";
            case "diners" -> "Diners Club";
            case "jcb" -> "JCB";
            case "unionpay" -> "UnionPay";
            case "" -> "Card";
            default -> Character.toUpperCase(brand.charAt(0)) + brand.substring(1);
        };
    }

    private static InvoiceDocument.Customer customer(ObjectNode invoice) {
        List<String> address = new ArrayList<>();
        JsonNode given = invoice.path("customer_address");
        if (given.isObject()) {
            add(address, given.path("line1").asString(null));
            add(address, given.path("line2").asString(null));
            String city = String.join(" ", nonBlank(given.path("postal_code").asString(null),
                    given.path("city").asString(null), given.path("state").asString(null)));
            add(address, city);
            add(address, given.path("country").asString(null));
        }
        return new InvoiceDocument.Customer(invoice.path("customer_name").asString(null),
                invoice.path("customer_email").asString(null), address);
    }

    private static String customerLabel(ObjectNode invoice) {
        String name = invoice.path("customer_name").asString(null);
        String email = invoice.path("customer_email").asString(null);
        return name != null && !name.isBlank() ? name : email != null ? email : invoice.path("customer").asString();
    }

    private static List<String> nonBlank(String... texts) {
        List<String> kept = new ArrayList<>();
        for (String text : texts) {
            add(kept, text);
        }
        return kept;
    }

    private static void add(List<String> texts, String text) {
        if (text != null && !text.isBlank()) {
            texts.add(text.strip());
        }
    }

    /** The line's unit amount ({@code pricing.unit_amount_decimal}, which may hold fractions of a minor unit). */
    private static String unitAmount(JsonNode line, String currency, Locale locale) {
        String decimal = line.at("/pricing/unit_amount_decimal").asString(null);
        if (decimal == null) {
            return null;
        }
        BigDecimal major = new BigDecimal(decimal).movePointLeft(Currencies.decimals(currency));
        return money(major, currency, locale);
    }

    private static String period(JsonNode period, Locale locale) {
        long start = period.path("start").asLong(0);
        long end = period.path("end").asLong(0);
        if (start == 0 || end == 0 || date(start, locale).equals(date(end, locale))) {
            return null;
        }
        return date(start, locale) + " – " + date(end, locale);
    }

    /** An amount in minor units for a reader of the language: {@code $25.00}, {@code 25,00 €}. */
    public static String money(long minorUnits, String currency, Locale locale) {
        return money(BigDecimal.valueOf(minorUnits).movePointLeft(Currencies.decimals(currency)), currency, locale);
    }

    private static String money(BigDecimal major, String currency, Locale locale) {
        int digits = Math.max(Currencies.decimals(currency), Math.max(0, major.stripTrailingZeros().scale()));
        try {
            NumberFormat format = NumberFormat.getCurrencyInstance(locale);
            format.setCurrency(Currency.getInstance(currency.toUpperCase(Locale.ROOT)));
            format.setMinimumFractionDigits(Currencies.decimals(currency));
            format.setMaximumFractionDigits(digits);
            // The narrow no-break space some languages group digits with is missing from common PDF fonts.
            return format.format(major).replace('\u202F', '\u00A0');
        } catch (IllegalArgumentException unknownCurrency) {
            return currency.toUpperCase(Locale.ROOT) + " " + major.toPlainString();
        }
    }

    private static String percentage(String percentage, Locale locale) {
        NumberFormat format = NumberFormat.getPercentInstance(locale);
        format.setMaximumFractionDigits(4);
        return format.format(new BigDecimal(percentage).movePointLeft(2)).replace('\u202F', '\u00A0');
    }

    /** A day as the language writes it ({@code December 5, 2026}); the sandbox keeps its time in UTC. */
    public static String date(long epochSecond, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)
                .format(Instant.ofEpochSecond(epochSecond).atZone(ZoneOffset.UTC));
    }
}
