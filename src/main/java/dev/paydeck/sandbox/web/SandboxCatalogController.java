package dev.paydeck.sandbox.web;

import dev.paydeck.sandbox.api.SandboxAccounts;
import dev.paydeck.sandbox.paymentintents.Currencies;
import dev.paydeck.sandbox.prices.Prices;
import dev.paydeck.sandbox.products.ProductCatalog;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * An account's catalog: its products, newest first, each with its prices (amount, how often, lookup key, whether
 * archived, which one is the default), as {@code /v1/products} and {@code /v1/prices} hold them.
 */
@Controller
@ConditionalOnProperty(name = "paydeck.sandbox.enabled", havingValue = "true", matchIfMissing = true)
class SandboxCatalogController {

    static final int PRODUCTS_SHOWN = 50;
    static final int PRICES_SHOWN = 20;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** A product as the page lists it. */
    record ProductView(String id, String name, String description, boolean active, String created,
                       List<PriceView> prices) {
    }

    /**
     * One price of a product, described for people: its amount and cadence are message keys with their arguments,
     * so the page says them in the visitor's language.
     */
    record PriceView(String id, Phrase amount, Phrase cadence, String nickname, String lookupKey, boolean active,
                     boolean isDefault) {
    }

    /** A text of the page: a message key ({@code sandbox.products.*}) and its arguments. */
    record Phrase(String key, Object... arguments) {
    }

    private final SandboxAccounts accounts;
    private final ProductCatalog products;
    private final Prices prices;

    SandboxCatalogController(SandboxAccounts accounts, ProductCatalog products, Prices prices) {
        this.accounts = accounts;
        this.products = products;
        this.prices = prices;
    }

    @GetMapping("/sandbox/accounts/{accountId}/products")
    String products(@PathVariable String accountId, Visitor visitor, Model model) {
        model.addAttribute("account", visitor.readable(accounts.byId(accountId)));
        model.addAttribute("visitor", visitor);
        model.addAttribute("products", products.recent(accountId, PRODUCTS_SHOWN).stream()
                .map(product -> view(accountId, product)).toList());
        model.addAttribute("active", "products");
        return "sandbox/products";
    }

    private ProductView view(String accountId, ObjectNode product) {
        String id = product.get("id").asString();
        String defaultPrice = product.path("default_price").asString(null);
        List<PriceView> rows = prices.ofProduct(accountId, id, PRICES_SHOWN).stream()
                .map(price -> new PriceView(price.get("id").asString(), amount(price), cadence(price),
                        price.path("nickname").asString(null), price.path("lookup_key").asString(null),
                        price.path("active").asBoolean(), price.get("id").asString().equals(defaultPrice)))
                .toList();
        return new ProductView(id, product.path("name").asString(), product.path("description").asString(null),
                product.path("active").asBoolean(), TIME.format(Instant.ofEpochSecond(product.get("created")
                .asLong())), rows);
    }

    /** {@code $15.00}, {@code USD 0.0025} (a decimal amount in minor units), or the tiers' mode. */
    static Phrase amount(JsonNode price) {
        String currency = price.path("currency").asString();
        if ("tiered".equals(price.path("billing_scheme").asString())) {
            return new Phrase("sandbox.products.tiered", price.path("tiers_mode").asString(),
                    price.path("tiers").size(), currency.toUpperCase(Locale.ROOT));
        }
        String amount;
        if (!price.path("unit_amount").isNull()) {
            amount = Currencies.format(price.path("unit_amount").asLong(), currency);
        } else {
            amount = currency.toUpperCase(Locale.ROOT) + " " + new BigDecimal(price.path("unit_amount_decimal")
                    .asString()).movePointLeft(Currencies.decimals(currency)).toPlainString();
        }
        JsonNode transform = price.path("transform_quantity");
        return transform.isObject() ? new Phrase("sandbox.products.perUnits."
                + transform.path("round").asString(), amount, transform.path("divide_by").asLong())
                : new Phrase("sandbox.products.amount", amount);
    }

    /** {@code one time}, {@code per month}, {@code every 3 months, metered}. */
    static Phrase cadence(JsonNode price) {
        JsonNode recurring = price.path("recurring");
        if (!recurring.isObject()) {
            return new Phrase("sandbox.products.oneTime");
        }
        String key = "metered".equals(recurring.path("usage_type").asString()) ? "sandbox.products.metered."
                : "sandbox.products.every.";
        return new Phrase(key + recurring.path("interval").asString(), recurring.path("interval_count").asLong());
    }
}
