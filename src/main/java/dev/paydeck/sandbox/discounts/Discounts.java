package dev.paydeck.sandbox.discounts;

import dev.paydeck.sandbox.api.Ids;
import dev.paydeck.sandbox.api.ListQuery;
import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.ParamSpec;
import dev.paydeck.sandbox.api.SandboxClock;
import dev.paydeck.sandbox.api.StripeError;
import dev.paydeck.sandbox.coupons.Coupons;
import dev.paydeck.sandbox.paymentintents.Currencies;
import dev.paydeck.sandbox.promotioncodes.PromotionCodes;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code discounts} parameter of invoices and invoice items ({@code discounts[0][coupon]},
 * {@code [promotion_code]} or an existing {@code [discount]}): each coupon or promotion code given becomes a
 * {@code discount} object (Stripe's shape in the API version the sandbox speaks: {@code source.coupon}), redeemed
 * once (the coupon's and the code's {@code times_redeemed}); the coupon must still be valid and, for an amount off,
 * in the invoice's currency. The coupon's terms are kept on the invoice or item ({@code _discounts}) for its lines'
 * arithmetic. A promotion code's {@code first_time_transaction} and {@code minimum_amount} are checked when the
 * invoice is finalized, when its amount is known.
 */
@Service
public class Discounts {

    /** What the {@code discounts} parameter takes, each element. */
    public static final ParamSpec PARAM = ParamSpec.of().string("coupon", "discount", "promotion_code");

    private final ObjectStore store;
    private final SandboxClock clock;
    private final Coupons coupons;
    private final PromotionCodes promotionCodes;

    Discounts(ObjectStore store, SandboxClock clock, Coupons coupons, PromotionCodes promotionCodes) {
        this.store = store;
        this.clock = clock;
        this.coupons = coupons;
        this.promotionCodes = promotionCodes;
    }

    /** Where the discounts go: the customer, the currency, and the invoice or invoice item they belong to. */
    public record Target(String customer, String currency, String invoice, String invoiceItem) {
    }

    /**
     * Replaces the {@code discounts} of an invoice or invoice item (a null list removes them), making a discount of
     * each coupon or promotion code given; a discount already there (named by its id) stays without a second
     * redemption.
     */
    @SuppressWarnings("unchecked")
    public void apply(String accountId, ObjectNode owner, List<Object> given, Target target) {
        ArrayNode ids = owner.arrayNode();
        ArrayNode terms = owner.arrayNode();
        Set<String> couponsUsed = new HashSet<>();
        List<Object> elements = given == null ? List.of() : given;
        for (int i = 0; i < elements.size(); i++) {
            Map<String, Object> element = (Map<String, Object>) elements.get(i);
            String param = "discounts[" + i + "]";
            int named = (element.get("coupon") != null ? 1 : 0) + (element.get("promotion_code") != null ? 1 : 0)
                    + (element.get("discount") != null ? 1 : 0);
            if (named != 1) {
                throw StripeError.invalid(param, "You must pass exactly one of `coupon`, `discount` or "
                        + "`promotion_code` in " + param + ".");
            }
            ObjectNode discount = element.get("discount") != null
                    ? existing(accountId, owner, (String) element.get("discount"), target, param + "[discount]")
                    : create(accountId, element, target, param);
            String couponId = discount.at("/source/coupon").asString();
            if (!couponsUsed.add(couponId)) {
                throw StripeError.invalid(param, "The coupon " + couponId + " is already applied: a coupon can "
                        + "only be applied once.");
            }
            ids.add(discount.get("id").asString());
            terms.add(terms(discount, store.find(accountId, couponId).orElse(null)));
        }
        owner.set("discounts", ids);
        owner.set("_discounts", terms);
    }

    /** A discount the invoice or item already has, or one of the customer's. */
    private ObjectNode existing(String accountId, ObjectNode owner, String id, Target target, String param) {
        ObjectNode discount = store.require(accountId, id, "discount", param);
        boolean held = false;
        for (JsonNode kept : owner.path("discounts")) {
            held |= kept.asString().equals(id);
        }
        if (!held && !target.customer().equals(discount.path("customer").asString(null))) {
            throw StripeError.invalid(param, "The discount " + id + " does not belong to this customer.");
        }
        return discount;
    }

    @SuppressWarnings("unchecked")
    private ObjectNode create(String accountId, Map<String, Object> element, Target target, String param) {
        String promotionCodeId = (String) element.get("promotion_code");
        ObjectNode promotionCode = null;
        String couponId = (String) element.get("coupon");
        if (promotionCodeId != null) {
            promotionCode = promotionCodes.requireRedeemable(accountId, promotionCodeId, target.customer(),
                    param + "[promotion_code]");
            couponId = promotionCode.at("/promotion/coupon").asString();
        }
        String couponParam = promotionCodeId != null ? param + "[promotion_code]" : param + "[coupon]";
        ObjectNode coupon = coupons.requireValid(accountId, couponId, couponParam);
        if (!coupon.path("amount_off").isNull() && !coupon.path("currency").asString().equals(target.currency())) {
            throw StripeError.invalid(couponParam, "The coupon " + couponId + " is for an amount off in "
                    + coupon.path("currency").asString() + " and cannot be applied to an invoice in "
                    + target.currency() + ".");
        }
        long now = clock.now();
        ObjectNode discount = store.json().createObjectNode();
        discount.put("id", Ids.generate("di"));
        discount.put("object", "discount");
        discount.putNull("checkout_session");
        discount.put("customer", target.customer());
        discount.putNull("customer_account");
        discount.putNull("end");
        putText(discount, "invoice", target.invoice());
        putText(discount, "invoice_item", target.invoiceItem());
        putText(discount, "promotion_code", promotionCodeId);
        ObjectNode source = discount.putObject("source");
        source.put("coupon", couponId);
        source.put("type", "coupon");
        discount.put("start", now);
        discount.putNull("subscription");
        discount.putNull("subscription_item");
        discount.put("_created", now);
        store.insert(accountId, discount);
        coupons.redeem(accountId, couponId);
        if (promotionCodeId != null) {
            promotionCodes.redeem(accountId, promotionCodeId);
        }
        return discount;
    }

    /** The coupon's terms as the lines' arithmetic needs them (a deleted coupon's, as the discount holds them). */
    private static ObjectNode terms(ObjectNode discount, ObjectNode coupon) {
        ObjectNode terms = discount.objectNode();
        terms.put("id", discount.get("id").asString());
        terms.put("promotion_code", discount.path("promotion_code").asString(null));
        if (coupon == null) {
            terms.put("amount_off", 0);
            terms.putNull("percent_off");
            return terms;
        }
        if (coupon.path("percent_off").isNull()) {
            terms.putNull("percent_off");
        } else {
            terms.put("percent_off", coupon.get("percent_off").asString());
        }
        terms.put("amount_off", coupon.path("amount_off").asLong(0));
        JsonNode products = coupon.at("/applies_to/products");
        if (products.isArray()) {
            terms.set("products", products.deepCopy());
        }
        return terms;
    }

    /**
     * At finalization, the restrictions of the promotion codes behind an invoice's discounts: a
     * {@code minimum_amount} (in its currency) the invoice's subtotal must reach, and {@code first_time_transaction}
     * (the customer has no paid invoice and no successful charge yet).
     */
    public void checkRestrictions(String accountId, ObjectNode invoice, List<ObjectNode> items) {
        List<JsonNode> all = new ArrayList<>();
        invoice.path("_discounts").forEach(all::add);
        items.forEach(item -> item.path("_discounts").forEach(all::add));
        for (JsonNode terms : all) {
            String codeId = terms.path("promotion_code").asString(null);
            if (codeId == null) {
                continue;
            }
            ObjectNode code = store.find(accountId, codeId).orElse(null);
            if (code == null) {
                continue;
            }
            JsonNode restrictions = code.path("restrictions");
            if (!restrictions.path("minimum_amount").isNull() && !restrictions.path("minimum_amount")
                    .isMissingNode()) {
                long minimum = restrictions.get("minimum_amount").asLong();
                String currency = restrictions.path("minimum_amount_currency").asString();
                if (!currency.equals(invoice.get("currency").asString())
                        || invoice.get("subtotal").asLong() < minimum) {
                    throw StripeError.invalid("discounts", "This promotion code (" + code.get("code").asString()
                            + ") requires a minimum amount of " + Currencies.format(minimum, currency)
                            + " to be redeemed.");
                }
            }
            if (restrictions.path("first_time_transaction").asBoolean()
                    && hasTransacted(accountId, invoice.get("customer").asString())) {
                throw StripeError.invalid("discounts", "This promotion code (" + code.get("code").asString()
                        + ") can only be redeemed by customers without prior transactions.");
            }
        }
    }

    private boolean hasTransacted(String accountId, String customer) {
        boolean paidInvoice = !store.list(accountId, "invoice", ListQuery.newest(1).where("customer", customer)
                .where("status", "paid"), "/v1/invoices").data().isEmpty();
        return paidInvoice || !store.list(accountId, "charge", ListQuery.newest(1).where("customer", customer)
                .where("status", "succeeded"), "/v1/charges").data().isEmpty();
    }

    private static void putText(ObjectNode node, String field, String value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }
}
