package dev.paydeck.sandbox;

import dev.paydeck.support.SandboxTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credit notes, customer balance transactions and discounts (on invoices with their discount amounts) in their
 * states, checked against Stripe's schemas of them ({@link StripeSchema}, {@code sandbox-supplement-billing.json}),
 * as {@link SandboxObjectSchemaIntegrationTests} checks the other objects.
 */
class SandboxBillingSchemaIntegrationTests extends SandboxTest {

    private static final StripeSchema SCHEMA = StripeSchema.load(newerFields(),
            SandboxObjectSchemaIntegrationTests.REMOVED_FIELDS);

    private final List<String> problems = new ArrayList<>();

    private static Set<String> newerFields() {
        Set<String> fields = new HashSet<>(SandboxObjectSchemaIntegrationTests.NEWER_FIELDS);
        // line_item.discount_amounts and invoice.total_discount_amounts are in the 2023 schema; nothing to add.
        return fields;
    }

    @Test
    void creditNotesBalanceTransactionsAndDiscountsHaveStripesShape() {
        String customer = ok("POST", "/v1/customers", "name=Ada").get("id").asString();
        check("balance transaction", ok("POST", "/v1/customers/" + customer + "/balance_transactions",
                "amount=-300&currency=usd&description=Goodwill&metadata[ticket]=4"));
        String coupon = ok("POST", "/v1/coupons", "percent_off=10").get("id").asString();
        String taxRate = ok("POST", "/v1/tax_rates", "display_name=VAT&percentage=20&inclusive=false").get("id")
                .asString();
        ok("POST", "/v1/invoiceitems", "customer=" + customer + "&amount=2000&currency=usd&tax_rates[0]=" + taxRate);
        ok("POST", "/v1/invoiceitems", "customer=" + customer + "&amount=1000&currency=usd");
        JsonNode draft = ok("POST", "/v1/invoices", "customer=" + customer + "&pending_invoice_items_behavior="
                + "include&discounts[0][coupon]=" + coupon + "&collection_method=send_invoice&days_until_due=30");
        check("discounted draft", draft);
        String invoice = draft.get("id").asString();
        JsonNode expanded = ok("GET", "/v1/invoices/" + invoice + "?expand[]=discounts", null);
        check("discount", expanded.at("/discounts/0"));
        JsonNode open = ok("POST", "/v1/invoices/" + invoice + "/finalize", null);
        check("open discounted invoice", open);
        String line = open.at("/lines/data/0/id").asString();

        check("credit note preview", ok("GET", "/v1/credit_notes/preview?invoice=" + invoice
                + "&lines[0][type]=invoice_line_item&lines[0][invoice_line_item]=" + line + "&lines[0][amount]=500",
                null));
        check("credit note preview lines", ok("GET", "/v1/credit_notes/preview/lines?invoice=" + invoice
                + "&amount=100", null));
        JsonNode prePayment = ok("POST", "/v1/credit_notes", "invoice=" + invoice + "&lines[0][type]="
                + "invoice_line_item&lines[0][invoice_line_item]=" + line + "&lines[0][quantity]=1&memo=Sorry&"
                + "reason=order_change&lines[1][type]=custom_line_item&lines[1][description]=Goodwill&"
                + "lines[1][unit_amount]=100&lines[1][quantity]=2");
        check("pre-payment credit note", prePayment);
        check("credit note lines", ok("GET", "/v1/credit_notes/" + prePayment.get("id").asString() + "/lines",
                null));
        check("void credit note", ok("POST", "/v1/credit_notes/" + prePayment.get("id").asString() + "/void",
                null));
        ok("POST", "/v1/invoices/" + invoice + "/pay", "payment_method=pm_card_visa");
        check("post-payment credit note", ok("POST", "/v1/credit_notes", "invoice=" + invoice + "&amount=900&"
                + "refund_amount=400&credit_amount=300&out_of_band_amount=200"));

        for (String list : List.of("/v1/credit_notes", "/v1/customers/" + customer + "/balance_transactions",
                "/v1/events?type=credit_note.*")) {
            check(list, ok("GET", list, null));
        }
        assertThat(problems).as("fields that differ from Stripe's schemas").isEmpty();
    }

    private JsonNode ok(String method, String path, String form) {
        HttpResponse<String> response = sandboxCall(method, path, form, secretKey);
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(200);
        return json(response);
    }

    private void check(String what, JsonNode rendered) {
        String object = rendered.path("object").asString("");
        if (object.equals("list")) {
            check(object, what, rendered);
            rendered.get("data").forEach(item -> check(what + " item " + item.path("id").asString(), item));
            return;
        }
        check(object, what, rendered);
        if (object.equals("event")) {
            check(what + " data.object", rendered.at("/data/object"));
        }
    }

    private void check(String schema, String what, JsonNode rendered) {
        SCHEMA.problems(schema, rendered).forEach(problem -> problems.add(what + ": " + problem));
    }
}
