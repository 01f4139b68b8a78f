package dev.paydeck.sandbox.invoices;

import dev.paydeck.sandbox.api.SandboxAccount;
import dev.paydeck.sandbox.invoices.LineTaxes.Rate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * An invoice as Stripe renders it (the API version the sandbox speaks: {@code parent}, {@code total_taxes}, lines
 * with {@code pricing} and {@code taxes}), and its lines and totals computed from the invoice items it holds.
 */
final class InvoiceJson {

    private InvoiceJson() {
    }

    static ObjectNode draft(ObjectNode invoice, SandboxAccount account, ObjectNode customer, String currency) {
        long created = invoice.get("created").asLong();
        invoice.put("account_country", account.country());
        invoice.put("account_name", account.name());
        invoice.putNull("account_tax_ids");
        invoice.put("amount_due", 0);
        invoice.put("amount_overpaid", 0);
        invoice.put("amount_paid", 0);
        invoice.put("amount_remaining", 0);
        invoice.put("amount_shipping", 0);
        invoice.putNull("application");
        invoice.put("attempt_count", 0);
        invoice.put("attempted", false);
        invoice.put("auto_advance", false);
        ObjectNode automaticTax = invoice.putObject("automatic_tax");
        automaticTax.put("enabled", false);
        automaticTax.putNull("status");
        invoice.putNull("automatically_finalizes_at");
        invoice.put("billing_reason", "manual");
        invoice.put("collection_method", "charge_automatically");
        invoice.putNull("confirmation_secret");
        invoice.put("currency", currency);
        invoice.putNull("custom_fields");
        invoice.put("customer", customer.get("id").asString());
        invoice.putNull("customer_account");
        invoice.set("customer_address", customer.get("address"));
        invoice.set("customer_email", customer.get("email"));
        invoice.set("customer_name", customer.get("name"));
        invoice.set("customer_phone", customer.get("phone"));
        invoice.set("customer_shipping", customer.get("shipping"));
        invoice.set("customer_tax_exempt", customer.get("tax_exempt"));
        invoice.putArray("customer_tax_ids");
        invoice.putNull("default_payment_method");
        invoice.putNull("default_source");
        invoice.putArray("default_tax_rates");
        invoice.putNull("description");
        invoice.putArray("discounts");
        invoice.putNull("due_date");
        invoice.putNull("effective_at");
        invoice.putNull("ending_balance");
        invoice.set("footer", customer.at("/invoice_settings/footer"));
        invoice.putNull("from_invoice");
        invoice.putNull("hosted_invoice_url");
        invoice.putNull("invoice_pdf");
        invoice.putObject("issuer").put("type", "self");
        invoice.putNull("last_finalization_error");
        invoice.putNull("latest_revision");
        ObjectNode lines = invoice.putObject("lines");
        lines.put("object", "list");
        lines.putArray("data");
        lines.put("has_more", false);
        lines.put("total_count", 0);
        lines.put("url", "/v1/invoices/" + invoice.get("id").asString() + "/lines");
        invoice.put("livemode", false);
        invoice.putObject("metadata");
        invoice.putNull("next_payment_attempt");
        invoice.putNull("number");
        invoice.putNull("on_behalf_of");
        invoice.putNull("parent");
        ObjectNode paymentSettings = invoice.putObject("payment_settings");
        paymentSettings.putNull("default_mandate");
        paymentSettings.putNull("payment_method_options");
        paymentSettings.putNull("payment_method_types");
        invoice.put("period_end", created);
        invoice.put("period_start", created);
        invoice.put("post_payment_credit_notes_amount", 0);
        invoice.put("pre_payment_credit_notes_amount", 0);
        invoice.putNull("receipt_number");
        invoice.putNull("rendering");
        invoice.putNull("shipping_cost");
        invoice.putNull("shipping_details");
        invoice.put("starting_balance", 0);
        invoice.putNull("statement_descriptor");
        invoice.put("status", "draft");
        ObjectNode transitions = invoice.putObject("status_transitions");
        transitions.putNull("finalized_at");
        transitions.putNull("marked_uncollectible_at");
        transitions.putNull("paid_at");
        transitions.putNull("voided_at");
        invoice.put("subtotal", 0);
        invoice.put("subtotal_excluding_tax", 0);
        invoice.set("test_clock", customer.get("test_clock"));
        invoice.put("total", 0);
        invoice.putArray("total_discount_amounts");
        invoice.put("total_excluding_tax", 0);
        invoice.putArray("total_pretax_credit_amounts");
        invoice.putArray("total_taxes");
        invoice.putNull("webhooks_delivered_at");
        return invoice;
    }

    /**
     * A line of a subscription's: its period's ({@code _parent} given by the subscription), or one of its invoice items
     * (its prorations), each a line of the subscription item ({@code parent.subscription_item_details}).
     */
    private static void subscriptionParent(ObjectNode line, ObjectNode item) {
        if (item.has("_parent")) {
            line.set("parent", item.get("_parent").deepCopy());
        } else if (item.at("/parent/subscription_details").isObject()) {
            ObjectNode parent = line.putObject("parent");
            parent.putNull("invoice_item_details");
            ObjectNode details = parent.putObject("subscription_item_details");
            details.put("invoice_item", item.get("id").asString());
            details.put("proration", item.path("proration").asBoolean(false));
            details.putObject("proration_details").putNull("credited_items");
            details.set("subscription", item.at("/parent/subscription_details/subscription"));
            details.set("subscription_item", item.at("/parent/subscription_details/subscription_item"));
            parent.put("type", "subscription_item_details");
        }
    }

    /**
     * The invoice's lines, one per invoice item (newest last, as Stripe orders them), with their taxes (the item's
     * tax rates, else the invoice's {@code default_tax_rates}), and the totals that follow.
     */
    static void computeLines(ObjectNode invoice, List<ObjectNode> items) {
        String invoiceId = invoice.get("id").asString();
        ArrayNode data = ((ObjectNode) invoice.get("lines")).putArray("data");
        long subtotal = 0;
        long inclusiveTax = 0;
        long exclusiveTax = 0;
        Map<String, ObjectNode> totalTaxes = new LinkedHashMap<>();
        // A subscription's invoice bills its items' periods too: lines of no invoice item, after the items' lines.
        List<ObjectNode> sources = new ArrayList<>(items);
        invoice.path("_subscription_lines").forEach(line -> sources.add((ObjectNode) line));
        List<Map<String, Long>> discounts = discounts(invoice, sources);
        Map<String, Long> totalDiscounts = new LinkedHashMap<>();
        invoice.path("_discounts").forEach(discount -> totalDiscounts.put(discount.get("id").asString(), 0L));
        long discounted = 0;
        for (int index = 0; index < sources.size(); index++) {
            ObjectNode item = sources.get(index);
            long amount = item.get("amount").asLong();
            Map<String, Long> lineDiscounts = discounts.get(index);
            long lineDiscount = lineDiscounts.values().stream().mapToLong(Long::longValue).sum();
            JsonNode rates = item.get("tax_rates").isEmpty() ? invoice.get("default_tax_rates") : item.get("tax_rates");
            List<Rate> applied = new ArrayList<>();
            rates.forEach(rate -> applied.add(new Rate(rate.get("id").asString(),
                    new BigDecimal(rate.get("percentage").asString()), rate.get("inclusive").asBoolean())));
            // Taxes are computed on what the discounts leave.
            LineTaxes taxes = LineTaxes.of(amount - lineDiscount, applied);
            ObjectNode line = data.addObject();
            line.put("id", item.has("_line_id") ? item.get("_line_id").asString()
                    : "il_" + item.get("id").asString().substring(3));
            line.put("object", "line_item");
            line.put("amount", amount);
            line.put("currency", item.get("currency").asString());
            line.set("description", item.get("description"));
            ArrayNode discountAmounts = line.putArray("discount_amounts");
            lineDiscounts.forEach((discount, off) -> {
                ObjectNode rendered = discountAmounts.addObject();
                rendered.put("amount", off);
                rendered.put("discount", discount);
                totalDiscounts.merge(discount, off, Long::sum);
            });
            line.put("discountable", item.path("discountable").asBoolean(true));
            line.set("discounts", item.path("discounts").isArray() ? item.get("discounts").deepCopy()
                    : line.arrayNode());
            line.put("invoice", invoiceId);
            line.put("livemode", false);
            line.set("metadata", item.get("metadata").deepCopy());
            ObjectNode parent = line.putObject("parent");
            ObjectNode details = parent.putObject("invoice_item_details");
            details.put("invoice_item", item.get("id").asString());
            details.put("proration", false);
            details.putObject("proration_details").putNull("credited_items");
            details.putNull("subscription");
            parent.putNull("subscription_item_details");
            parent.put("type", "invoice_item_details");
            subscriptionParent(line, item);
            line.set("period", item.get("period").deepCopy());
            line.putArray("pretax_credit_amounts");
            line.set("pricing", item.get("pricing").deepCopy());
            line.put("quantity", item.get("quantity").asLong());
            line.set("subscription", item.has("_subscription") ? item.get("_subscription") : line.nullNode());
            line.put("subtotal", amount);
            ArrayNode lineTaxes = line.putArray("taxes");
            for (LineTaxes.Tax tax : taxes.taxes()) {
                ObjectNode rendered = lineTaxes.addObject();
                rendered.put("amount", tax.amount());
                rendered.put("tax_behavior", tax.inclusive() ? "inclusive" : "exclusive");
                rendered.putObject("tax_rate_details").put("tax_rate", tax.rateId());
                rendered.put("taxability_reason", "standard_rated");
                rendered.put("taxable_amount", tax.taxableAmount());
                rendered.put("type", "tax_rate_details");
                // The invoice's total_taxes add up each rate's taxes over the lines.
                ObjectNode sum = totalTaxes.computeIfAbsent(tax.rateId(), id -> {
                    ObjectNode copy = rendered.deepCopy();
                    copy.put("amount", 0);
                    copy.put("taxable_amount", 0);
                    return copy;
                });
                sum.put("amount", sum.get("amount").asLong() + tax.amount());
                sum.put("taxable_amount", sum.get("taxable_amount").asLong() + tax.taxableAmount());
            }
            subtotal += amount;
            discounted += lineDiscount;
            inclusiveTax += taxes.inclusiveTax();
            exclusiveTax += taxes.exclusiveTax();
        }
        ObjectNode lines = (ObjectNode) invoice.get("lines");
        lines.put("total_count", data.size());
        ArrayNode total = invoice.putArray("total_taxes");
        totalTaxes.values().forEach(total::add);
        ArrayNode totalDiscountAmounts = invoice.putArray("total_discount_amounts");
        totalDiscounts.forEach((discount, off) -> {
            ObjectNode rendered = totalDiscountAmounts.addObject();
            rendered.put("amount", off);
            rendered.put("discount", discount);
        });
        invoice.put("subtotal", subtotal);
        invoice.put("subtotal_excluding_tax", subtotal - inclusiveTax);
        invoice.put("total_excluding_tax", subtotal - discounted - inclusiveTax);
        long totalAmount = subtotal - discounted + exclusiveTax;
        invoice.put("total", totalAmount);
        long due = Math.max(0, totalAmount + invoice.get("starting_balance").asLong());
        invoice.put("amount_due", due);
        invoice.put("amount_remaining", due - invoice.get("amount_paid").asLong());
    }

    /** Each item's discount amounts by discount, from the coupons' terms the invoice and its items keep. */
    private static List<Map<String, Long>> discounts(ObjectNode invoice, List<ObjectNode> items) {
        List<LineDiscounts.Line> lines = new ArrayList<>();
        for (ObjectNode item : items) {
            Set<String> included = new LinkedHashSet<>();
            item.path("_included_discounts").forEach(id -> included.add(id.asString()));
            lines.add(new LineDiscounts.Line(item.get("amount").asLong(), item.path("discountable").asBoolean(true),
                    item.at("/pricing/price_details/product").asString(null), terms(item.path("_discounts")),
                    included));
        }
        return LineDiscounts.of(lines, terms(invoice.path("_discounts")));
    }

    /** The terms kept as {@code _discounts}: {id, percent_off, amount_off, products}. */
    private static List<LineDiscounts.Discount> terms(JsonNode kept) {
        List<LineDiscounts.Discount> terms = new ArrayList<>();
        kept.forEach(discount -> {
            Set<String> products = null;
            if (discount.path("products").isArray()) {
                products = new LinkedHashSet<>();
                for (JsonNode product : discount.get("products")) {
                    products.add(product.asString());
                }
            }
            terms.add(new LineDiscounts.Discount(discount.get("id").asString(),
                    discount.path("percent_off").isNull() || discount.path("percent_off").isMissingNode() ? null
                            : new BigDecimal(discount.get("percent_off").asString()),
                    discount.path("amount_off").asLong(0), products));
        });
        return terms;
    }
}
