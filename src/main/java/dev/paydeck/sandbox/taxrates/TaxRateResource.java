package dev.paydeck.sandbox.taxrates;

import dev.paydeck.sandbox.api.ListQuery;
import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.ParamSpec;
import dev.paydeck.sandbox.api.SandboxClock;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeError;
import dev.paydeck.sandbox.api.StripeList;
import dev.paydeck.sandbox.api.StripeObjects;
import dev.paydeck.sandbox.api.StripeResource;
import dev.paydeck.sandbox.api.StripeRoutes;
import dev.paydeck.sandbox.events.SandboxEvents;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * {@code /v1/tax_rates}: a percentage, inclusive or exclusive, with where it applies ({@code country},
 * {@code state}, {@code jurisdiction}) and its kind ({@code tax_type}). Create, retrieve, update (all but the
 * percentage and {@code inclusive}, which Stripe fixes at creation), list (by {@code active}, {@code inclusive}).
 * Stripe's API deletes no tax rate: one is archived ({@code active=false}).
 */
@Component
class TaxRateResource implements StripeResource {

    static final String[] TAX_TYPES = {"amusement_tax", "communications_tax", "gst", "hst", "igst", "jct",
        "lease_tax", "pst", "qst", "retail_delivery_fee", "rst", "sales_tax", "service_tax", "vat"};

    private static final ParamSpec FIELDS = ParamSpec.of()
            .string("display_name", "description", "country", "state", "jurisdiction")
            .bool("active")
            .oneOf("tax_type", TAX_TYPES)
            .metadata();
    private static final ParamSpec CREATE = FIELDS.with(ParamSpec.of()
            .string("percentage")
            .bool("inclusive")
            .required("display_name", "inclusive", "percentage"));
    private static final ParamSpec LIST = ListQuery.PAGING.with(ParamSpec.of().bool("active", "inclusive"));
    private static final int MAX_DISPLAY_NAME = 50;

    private final ObjectStore store;
    private final SandboxClock clock;
    private final SandboxEvents events;

    TaxRateResource(ObjectStore store, SandboxClock clock, SandboxEvents events) {
        this.store = store;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public void register(StripeRoutes routes) {
        routes.post("/v1/tax_rates", CREATE, this::create);
        routes.get("/v1/tax_rates", LIST, this::list);
        routes.get("/v1/tax_rates/{id}", ParamSpec.of(), this::retrieve);
        routes.post("/v1/tax_rates/{id}", FIELDS, this::update);
    }

    private ObjectNode create(StripeCall call) {
        ObjectNode rate = store.newObject("tax_rate", "txr", clock.now());
        BigDecimal percentage = percentage(call.string("percentage"));
        rate.put("active", true);
        rate.putNull("country");
        rate.putNull("description");
        rate.put("display_name", "");
        rate.put("effective_percentage", percentage);
        rate.putNull("flat_amount");
        rate.put("inclusive", call.isTrue("inclusive"));
        rate.putNull("jurisdiction");
        rate.putNull("jurisdiction_level");
        rate.put("livemode", false);
        rate.putObject("metadata");
        rate.put("percentage", percentage);
        rate.put("rate_type", "percentage");
        rate.putNull("state");
        rate.putNull("tax_type");
        apply(rate, call);
        store.insert(call.accountId(), rate);
        events.publish(call, "tax_rate.created", rate);
        return rate;
    }

    private ObjectNode retrieve(StripeCall call) {
        return store.find(call.accountId(), call.path("id"))
                .filter(found -> "tax_rate".equals(found.get("object").asString()))
                .orElseThrow(() -> StripeError.resourceMissing("tax_rate", call.path("id"), "id"));
    }

    private ObjectNode update(StripeCall call) {
        ObjectNode rate = store.require(call.accountId(), call.path("id"), "tax_rate", "id");
        ObjectNode before = rate.deepCopy();
        apply(rate, call);
        store.update(call.accountId(), rate);
        ObjectNode previous = StripeObjects.previousAttributes(before, rate);
        if (!previous.isEmpty()) {
            events.publish(call, "tax_rate.updated", rate, previous);
        }
        return rate;
    }

    private StripeList list(StripeCall call) {
        return store.list(call.accountId(), "tax_rate", ListQuery.from(call).where("active", call.bool("active"))
                .where("inclusive", call.bool("inclusive")), "/v1/tax_rates");
    }

    private static void apply(ObjectNode rate, StripeCall call) {
        if (call.has("display_name")) {
            String name = call.string("display_name");
            if (name == null || name.isBlank() || name.length() > MAX_DISPLAY_NAME) {
                throw StripeError.invalid("display_name", "Invalid display_name: must be between 1 and 50 "
                        + "characters");
            }
            rate.put("display_name", name);
        }
        if (call.bool("active") != null) {
            rate.put("active", call.bool("active"));
        }
        if (call.has("country") && call.string("country") != null
                && !call.string("country").matches("[A-Za-z]{2}")) {
            throw StripeError.invalid("country", "Invalid country: use a two-letter ISO 3166-1 code (e.g. FR).");
        }
        for (String field : List.of("description", "country", "state", "jurisdiction", "tax_type")) {
            if (call.has(field)) {
                String value = call.string(field);
                if (value == null) {
                    rate.putNull(field);
                } else {
                    rate.put(field, field.equals("country") ? value.toUpperCase(Locale.ROOT) : value);
                }
            }
        }
        if (call.has("metadata")) {
            StripeObjects.applyMetadata(rate, call.map("metadata"));
        }
    }

    private static BigDecimal percentage(String text) {
        BigDecimal percentage;
        try {
            percentage = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw StripeError.invalid("percentage", "Invalid decimal: " + text);
        }
        if (percentage.signum() < 0 || percentage.compareTo(BigDecimal.valueOf(100)) > 0 || percentage.scale() > 4) {
            throw StripeError.invalid("percentage", "Invalid percentage: must be between 0 and 100, with at most "
                    + "four decimals");
        }
        // 100, not 1E+2: Stripe writes plain decimals.
        BigDecimal plain = percentage.stripTrailingZeros();
        return plain.scale() < 0 ? plain.setScale(0) : plain;
    }
}
