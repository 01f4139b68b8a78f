package dev.paydeck.sandbox;

import dev.paydeck.support.SandboxTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of object the sandbox renders, in its states, checked against Stripe's schema of it
 * ({@link StripeSchema}): the required fields are there, nothing that Stripe never leaves null is null (an
 * object-typed field such as {@code radar_options} is an object), and no field is rendered that Stripe does not
 * have. Lists are checked as lists and item by item, events with the object they carry; a new resource's objects
 * are covered by adding its calls here.
 */
class SandboxObjectSchemaIntegrationTests extends SandboxTest {

    /**
     * Fields of the API version the sandbox speaks (2026-07-29.dahlia) that the 2023-08-16 schema lacks, as
     * {@code schema.field}; each is in Stripe's API reference of the current version.
     */
    static final Set<String> NEWER_FIELDS = Set.of(
            // Stripe's changelog (docs.stripe.com/changelog) and API reference of the current version:
            "payment_intent.excluded_payment_method_types", // 2025-08-27.basil
            "payment_intent.payment_method_configuration_details", // dynamic payment methods (2023-10-16)
            "payment_intent.source", // in the current reference's example PaymentIntent (2026-04-22.dahlia)
            "payment_method.allow_redisplay", // 2024-06-20, redisplay of saved payment methods
            "billing_details.tax_id", // 2025-04-30.basil
            "payment_method_card.display_brand", // 2024-04-10
            "payment_method_card.regulated_status", // 2024-12-18.acacia
            "charge_outcome.advice_code", // 2025-01-27.acacia
            "charge_outcome.network_advice_code", // 2024-12-18.acacia
            "charge_outcome.network_decline_code", // 2024-12-18.acacia
            "payment_method_details_card.amount_authorized", // overcapture and incremental authorization (2023-10-16)
            "refund.destination_details", // 2023-10-16
            "balance_transaction.balance_type", // in the current reference's balance transaction object
            "product.marketing_features", // 2024-04-10, replacing features
            "recurring.meter", // 2025-03-31.basil, metered prices backed by meters
            "promotion_code.promotion", // 2025-09-30.clover, promotion[type] and promotion[coupon]
            "promotion_code.customer_account", // accounts v2, in the current reference
            "tax_rate.flat_amount", // in the current reference (tax rates of a flat amount)
            "tax_rate.jurisdiction_level", // in the current reference
            "tax_rate.rate_type", // in the current reference: percentage or flat_amount
            // 2025-03-31.basil: invoice items name their price in pricing, their subscription in parent
            "invoiceitem.pricing", "invoiceitem.parent", "invoiceitem.net_amount", "invoiceitem.proration_details",
            "invoiceitem.customer_account",
            // 2025-03-31.basil: invoices' parent, total_taxes, lines with pricing and taxes
            "invoice.amount_overpaid", "invoice.confirmation_secret", "invoice.customer_account", "invoice.issuer",
            "invoice.parent", "invoice.rendering", "invoice.total_pretax_credit_amounts", "invoice.total_taxes",
            "invoice.automatically_finalizes_at", "line_item.parent", "line_item.pretax_credit_amounts",
            "line_item.pricing", "line_item.subtotal", "line_item.taxes", "line_item.invoice",
            // the invoice's lines list counts them (lines.total_count; the list is inline in the invoice's schema)
            "invoice.total_count",
            // 2025-03-31.basil: an invoice's payments (invoice_payment objects naming its PaymentIntents)
            "invoice.payments",
            // 2024-09-30.acacia: an advancing test clock's target time
            "test_helpers.test_clock.status_details",
            // 2025-03-31.basil: a subscription's current period is its items', its discounts a list
            "subscription_item.current_period_end", "subscription_item.current_period_start",
            "subscription_item.discounts", "subscription.discounts",
            // the subscription's items list counts them (items.total_count; the list is inline in its schema)
            "subscription.total_count");

    /**
     * Fields the 2023-08-16 schema requires that the API version the sandbox speaks removed, as {@code schema.field};
     * each in Stripe's changelog.
     */
    static final Set<String> REMOVED_FIELDS = Set.of(
            "product.features", // 2024-04-10: renamed marketing_features
            "promotion_code.coupon", // 2025-09-30.clover: moved to promotion.coupon
            // 2025-03-31.basil: paid is the status, taxes are total_taxes, a line's kind is its parent
            "invoice.paid", "invoice.paid_out_of_band", "invoice.total_tax_amounts", "line_item.proration",
            "line_item.type",
            // 2025-03-31.basil: the current period moved to the subscription's items
            "subscription.current_period_end", "subscription.current_period_start");

    private static final StripeSchema SCHEMA = StripeSchema.load(NEWER_FIELDS, REMOVED_FIELDS);

    private final List<String> problems = new ArrayList<>();

    @Test
    void everyObjectTheSandboxRendersHasStripesShape() {
        JsonNode customer = ok("POST", "/v1/customers", "email=ada%40example.com&name=Ada&phone=%2B4420&"
                + "metadata[tier]=gold&description=first");
        String customerId = customer.get("id").asString();
        check("created customer", customer);
        check("retrieved customer", ok("GET", "/v1/customers/" + customerId, null));
        JsonNode clock = ok("POST", "/v1/test_helpers/test_clocks", "frozen_time=1735689600&name=Renewals");
        check("test clock", clock);
        check("customer on a test clock", ok("POST", "/v1/customers", "test_clock=" + clock.get("id").asString()));
        check("advancing test clock", ok("POST", "/v1/test_helpers/test_clocks/" + clock.get("id").asString()
                + "/advance", "frozen_time=1735693200"));

        check("new payment intent", ok("POST", "/v1/payment_intents", "amount=2000&currency=usd&"
                + "payment_method_types[0]=card&customer=" + customerId));
        JsonNode paid = ok("POST", "/v1/payment_intents", "amount=2000&currency=usd&payment_method_types[0]=card&"
                + "customer=" + customerId + "&payment_method=pm_card_visa&confirm=true&metadata[order]=7&"
                + "receipt_email=ada%40example.com&statement_descriptor_suffix=ORDER7");
        check("succeeded payment intent", paid);
        check("payment method", ok("GET", "/v1/payment_methods/" + paid.get("payment_method").asString(), null));
        check("succeeded charge", ok("GET", "/v1/charges/" + paid.get("latest_charge").asString(), null));

        JsonNode authorized = ok("POST", "/v1/payment_intents", "amount=3000&currency=eur&"
                + "payment_method_types[0]=card&payment_method=pm_card_mastercard&confirm=true&capture_method=manual");
        check("payment intent to capture", authorized);
        check("uncaptured charge", ok("GET", "/v1/charges/" + authorized.get("latest_charge").asString(), null));
        check("captured payment intent", ok("POST", "/v1/payment_intents/" + authorized.get("id").asString()
                + "/capture", "amount_to_capture=2000"));

        HttpResponse<String> declined = sandboxCall("POST", "/v1/payment_intents", "amount=2000&currency=usd&"
                + "payment_method_types[0]=card&payment_method=pm_card_chargeDeclined&confirm=true", secretKey);
        assertThat(declined.statusCode()).isEqualTo(402);
        check("error", "decline error", json(declined));
        JsonNode declinedIntent = json(declined).at("/error/payment_intent");
        check("declined payment intent", ok("GET", "/v1/payment_intents/" + declinedIntent.get("id").asString(),
                null));
        check("failed charge", ok("GET", "/v1/charges/" + declinedIntent.get("latest_charge").asString(), null));

        check("3-D Secure by redirect", ok("POST", "/v1/payment_intents", "amount=1500&currency=eur&"
                + "payment_method_types[0]=card&payment_method=pm_card_threeDSecure2Required&confirm=true&"
                + "return_url=https%3A%2F%2Fshop.example%2Freturn"));
        check("3-D Secure in Stripe.js", ok("POST", "/v1/payment_intents", "amount=1500&currency=eur&"
                + "payment_method_types[0]=card&payment_method=pm_card_threeDSecure2Required&confirm=true"));
        JsonNode toCancel = ok("POST", "/v1/payment_intents", "amount=1000&currency=usd&"
                + "payment_method_types[0]=card");
        check("canceled payment intent", ok("POST", "/v1/payment_intents/" + toCancel.get("id").asString()
                + "/cancel", "cancellation_reason=requested_by_customer"));

        check("refund", ok("POST", "/v1/refunds", "payment_intent=" + paid.get("id").asString()
                + "&amount=500&reason=requested_by_customer&metadata[note]=late"));
        check("partly refunded charge", ok("GET", "/v1/charges/" + paid.get("latest_charge").asString(), null));

        // The fraud and check test cards: a blocked charge, an elevated risk, failed address checks, a failed refund,
        // an early fraud warning.
        HttpResponse<String> blocked = sandboxCall("POST", "/v1/payment_intents", "amount=2000&currency=usd&"
                + "payment_method_types[0]=card&payment_method=pm_card_radarBlock&confirm=true", secretKey);
        assertThat(blocked.statusCode()).isEqualTo(402);
        check("blocked charge", ok("GET", "/v1/charges/" + json(blocked).at("/error/charge").asString(), null));
        JsonNode elevated = ok("POST", "/v1/payment_intents", "amount=2000&currency=usd&payment_method_types[0]=card&"
                + "payment_method=pm_card_riskLevelElevated&confirm=true");
        check("elevated risk charge", ok("GET", "/v1/charges/" + elevated.get("latest_charge").asString(), null));
        JsonNode addressFailed = ok("POST", "/v1/payment_intents", "amount=2000&currency=usd&"
                + "payment_method_types[0]=card&payment_method_data[type]=card&"
                + "payment_method_data[card][number]=4000000000000010&payment_method_data[card][exp_month]=12&"
                + "payment_method_data[card][exp_year]=2040&payment_method_data[card][cvc]=123&"
                + "payment_method_data[billing_details][address][line1]=1+Main+St&"
                + "payment_method_data[billing_details][address][postal_code]=10001&confirm=true");
        check("charge with failed address checks", ok("GET", "/v1/charges/"
                + addressFailed.get("latest_charge").asString(), null));
        JsonNode refundFails = ok("POST", "/v1/payment_intents", "amount=2000&currency=usd&"
                + "payment_method_types[0]=card&payment_method=pm_card_refundFail&confirm=true");
        JsonNode failing = ok("POST", "/v1/refunds", "payment_intent=" + refundFails.get("id").asString());
        check("refund that will fail", failing);
        JsonNode failed = ok("GET", "/v1/refunds/" + failing.get("id").asString(), null);
        check("failed refund", failed);
        check("refund failure balance transaction", ok("GET", "/v1/balance_transactions/"
                + failed.get("failure_balance_transaction").asString(), null));
        ok("POST", "/v1/payment_intents", "amount=2000&currency=usd&payment_method_types[0]=card&"
                + "payment_method=pm_card_createIssuerFraudRecord&confirm=true");
        JsonNode warnings = ok("GET", "/v1/radar/early_fraud_warnings", null);
        check("early fraud warnings", warnings);
        check("early fraud warning", ok("GET", "/v1/radar/early_fraud_warnings/"
                + warnings.at("/data/0/id").asString(), null));
        check("account by id", ok("GET", "/v1/accounts/" + ok("GET", "/v1/account", null).get("id").asString(),
                null));

        JsonNode endpoint = ok("POST", "/v1/webhook_endpoints", "url=https%3A%2F%2Fshop.example%2Fhook&"
                + "enabled_events[0]=charge.succeeded&description=shop");
        check("created webhook endpoint", endpoint);
        check("retrieved webhook endpoint", ok("GET", "/v1/webhook_endpoints/" + endpoint.get("id").asString(),
                null));

        check("balance", ok("GET", "/v1/balance", null));

        JsonNode product = ok("POST", "/v1/products", "name=Gold&description=All&images[0]=https%3A%2F%2Fx.example"
                + "%2Fa.png&marketing_features[0][name]=Support&package_dimensions[height]=1.5&"
                + "package_dimensions[length]=2&package_dimensions[weight]=3&package_dimensions[width]=4&"
                + "shippable=true&unit_label=seat&url=https%3A%2F%2Fx.example&statement_descriptor=GOLD&"
                + "default_price_data[currency]=usd&default_price_data[unit_amount]=1000&"
                + "default_price_data[recurring][interval]=month");
        check("product with a default price", product);
        check("default price", ok("GET", "/v1/prices/" + product.get("default_price").asString(), null));
        String productId = product.get("id").asString();
        check("tiered price", ok("POST", "/v1/prices", "product=" + productId + "&currency=usd&"
                + "billing_scheme=tiered&tiers_mode=volume&tiers[0][up_to]=10&tiers[0][unit_amount_decimal]=99.5&"
                + "tiers[1][up_to]=inf&tiers[1][flat_amount]=500&tiers[1][unit_amount]=80&lookup_key=vol&"
                + "nickname=Volume"));
        check("metered price", ok("POST", "/v1/prices", "product=" + productId + "&currency=eur&"
                + "unit_amount_decimal=0.25&recurring[interval]=month&recurring[usage_type]=metered&"
                + "recurring[meter]=mtr_123&tax_behavior=exclusive"));
        check("price with a transform", ok("POST", "/v1/prices", "product_data[name]=Packs&currency=usd&"
                + "unit_amount=1000&transform_quantity[divide_by]=5&transform_quantity[round]=up"));
        check("product search", ok("GET", "/v1/products/search?query=name%3A%27Gold%27", null));
        check("price search", ok("GET", "/v1/prices/search?query=currency%3A%27usd%27", null));
        JsonNode bare = ok("POST", "/v1/products", "name=Bare");
        check("deleted product", ok("DELETE", "/v1/products/" + bare.get("id").asString(), null));

        JsonNode coupon = ok("POST", "/v1/coupons", "percent_off=12.5&duration=repeating&duration_in_months=3&"
                + "name=Spring&max_redemptions=10&redeem_by=4102444800&metadata[a]=b&applies_to[products][0]="
                + productId);
        check("percent coupon", coupon);
        check("amount coupon", ok("POST", "/v1/coupons", "amount_off=500&currency=usd&duration=forever"));
        check("promotion code", ok("POST", "/v1/promotion_codes", "promotion[type]=coupon&promotion[coupon]="
                + coupon.get("id").asString() + "&code=SPRING&customer=" + customerId + "&max_redemptions=2&"
                + "restrictions[minimum_amount]=1000&restrictions[minimum_amount_currency]=usd"));
        check("tax rate", ok("POST", "/v1/tax_rates", "display_name=VAT&percentage=20&inclusive=true&country=FR&"
                + "jurisdiction=FR&tax_type=vat&description=TVA"));
        check("invoice item from a price", ok("POST", "/v1/invoiceitems", "customer=" + customerId + "&quantity=3&"
                + "pricing[price]=" + ok("POST", "/v1/prices", "product=" + productId + "&currency=usd&"
                + "unit_amount=700").get("id").asString() + "&tax_rates[0]=" + ok("GET", "/v1/tax_rates", null)
                .at("/data/0/id").asString() + "&description=Seats&period[start]=1700000000&period[end]=1700086400"));
        JsonNode credit = ok("POST", "/v1/invoiceitems", "customer=" + customerId + "&amount=-500&currency=usd");
        check("credit invoice item", credit);
        check("deleted invoice item", ok("DELETE", "/v1/invoiceitems/" + credit.get("id").asString(), null));
        JsonNode draft = ok("POST", "/v1/invoices", "customer=" + customerId + "&pending_invoice_items_behavior="
                + "include&collection_method=send_invoice&days_until_due=30&description=March&footer=Thanks&"
                + "default_tax_rates[0]=" + ok("GET", "/v1/tax_rates", null).at("/data/0/id").asString());
        check("draft invoice", draft);
        check("invoice lines", ok("GET", "/v1/invoices/" + draft.get("id").asString() + "/lines", null));
        JsonNode open = ok("POST", "/v1/invoices/" + draft.get("id").asString() + "/finalize", null);
        check("open invoice", open);
        check("uncollectible invoice", ok("POST", "/v1/invoices/" + draft.get("id").asString()
                + "/mark_uncollectible", null));
        check("invoice paid out of band", ok("POST", "/v1/invoices/" + draft.get("id").asString() + "/pay",
                "paid_out_of_band=true"));
        ok("POST", "/v1/invoiceitems", "customer=" + customerId + "&amount=900&currency=usd");
        JsonNode charged = ok("POST", "/v1/invoices", "customer=" + customerId
                + "&pending_invoice_items_behavior=include");
        check("invoice paid by card", ok("POST", "/v1/invoices/" + charged.get("id").asString() + "/pay",
                "payment_method=pm_card_visa"));
        ok("POST", "/v1/invoiceitems", "customer=" + customerId + "&amount=400&currency=usd");
        JsonNode toVoid = ok("POST", "/v1/invoices", "customer=" + customerId
                + "&pending_invoice_items_behavior=include&collection_method=send_invoice&days_until_due=7");
        check("sent invoice", ok("POST", "/v1/invoices/" + toVoid.get("id").asString() + "/send", null));
        check("void invoice", ok("POST", "/v1/invoices/" + toVoid.get("id").asString() + "/void", null));
        check("deleted invoice", ok("DELETE", "/v1/invoices/" + ok("POST", "/v1/invoices", "customer="
                + customerId).get("id").asString(), null));
        check("deleted coupon", ok("DELETE", "/v1/coupons/" + ok("POST", "/v1/coupons", "percent_off=5")
                .get("id").asString(), null));

        // Subscriptions: active, its items, an invoice preview of an upgrade, the upgrade's prorations, trialing,
        // incomplete with its invoice's confirmation secret, canceled.
        String monthly = ok("POST", "/v1/prices", "product=" + productId + "&currency=usd&unit_amount=1500&"
                + "recurring[interval]=month").get("id").asString();
        String larger = ok("POST", "/v1/prices", "product=" + productId + "&currency=usd&unit_amount=3000&"
                + "recurring[interval]=month").get("id").asString();
        String subscriber = ok("POST", "/v1/customers", "name=Subscriber").get("id").asString();
        String card = ok("POST", "/v1/payment_methods/pm_card_visa/attach", "customer=" + subscriber).get("id")
                .asString();
        ok("POST", "/v1/customers/" + subscriber, "invoice_settings[default_payment_method]=" + card);
        JsonNode active = ok("POST", "/v1/subscriptions", "customer=" + subscriber + "&items[0][price]=" + monthly
                + "&items[0][quantity]=2&metadata[plan]=team");
        check("active subscription", active);
        String subscriptionId = active.get("id").asString();
        String subscriptionItem = active.at("/items/data/0/id").asString();
        check("subscription's first invoice", ok("GET", "/v1/invoices/" + active.get("latest_invoice").asString(),
                null));
        check("subscription item", ok("GET", "/v1/subscription_items/" + subscriptionItem, null));
        check("subscription items", ok("GET", "/v1/subscription_items?subscription=" + subscriptionId, null));
        check("invoice preview", ok("POST", "/v1/invoices/create_preview", "subscription=" + subscriptionId
                + "&subscription_details[items][0][id]=" + subscriptionItem + "&subscription_details[items][0][price]="
                + larger));
        check("upgraded subscription", ok("POST", "/v1/subscriptions/" + subscriptionId, "items[0][id]="
                + subscriptionItem + "&items[0][price]=" + larger));
        check("proration invoice items", ok("GET", "/v1/invoiceitems?customer=" + subscriber, null));
        check("trialing subscription", ok("POST", "/v1/subscriptions", "customer=" + subscriber + "&items[0][price]="
                + monthly + "&trial_period_days=7"));
        check("incomplete subscription", ok("POST", "/v1/subscriptions", "customer=" + subscriber
                + "&items[0][price]=" + monthly + "&payment_behavior=default_incomplete&"
                + "expand[0]=latest_invoice.confirmation_secret"));
        check("canceled subscription", ok("DELETE", "/v1/subscriptions/" + subscriptionId, null));
        check("subscriptions", ok("GET", "/v1/subscriptions?status=all", null));

        for (String list : List.of("/v1/customers", "/v1/payment_intents", "/v1/charges", "/v1/refunds",
                "/v1/payment_methods?type=card", "/v1/webhook_endpoints", "/v1/products", "/v1/prices",
                "/v1/coupons", "/v1/promotion_codes", "/v1/tax_rates", "/v1/invoiceitems", "/v1/invoices", "/v1/events?limit=100")) {
            check(list, ok("GET", list, null));
        }

        check("deleted webhook endpoint", ok("DELETE", "/v1/webhook_endpoints/" + endpoint.get("id").asString(),
                null));
        check("deleted customer", ok("DELETE", "/v1/customers/" + customerId, null));
        HttpResponse<String> missing = sandboxCall("GET", "/v1/customers/cus_missing", null, secretKey);
        check("error", "missing customer", json(missing));

        assertThat(problems).as("fields that differ from Stripe's schemas").isEmpty();
    }

    private JsonNode ok(String method, String path, String form) {
        HttpResponse<String> response = sandboxCall(method, path, form, secretKey);
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(200);
        return json(response);
    }

    /** Checks an object as the schema its {@code object} names; a list, item by item; an event, with its object. */
    private void check(String what, JsonNode rendered) {
        String object = rendered.path("object").asString("");
        if (object.equals("list") || object.equals("search_result")) {
            check(object, what, rendered);
            rendered.get("data").forEach(item -> check(what + " item " + item.path("id").asString(), item));
            return;
        }
        check(rendered.path("deleted").asBoolean(false) ? "deleted_" + object : object, what, rendered);
        if (object.equals("event")) {
            check(what + " data.object", rendered.at("/data/object"));
        }
    }

    private void check(String schema, String what, JsonNode rendered) {
        SCHEMA.problems(schema, rendered).forEach(problem -> problems.add(what + ": " + problem));
    }
}
