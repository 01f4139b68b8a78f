package dev.paydeck.billing.web;

import dev.paydeck.accounts.Caller;
import dev.paydeck.billing.ProductDraft;
import dev.paydeck.billing.ProductId;
import dev.paydeck.billing.ProductStatus;
import dev.paydeck.billing.Products;
import dev.paydeck.billing.web.CatalogViews.ProductView;
import dev.paydeck.shared.web.CursorPage;
import dev.paydeck.shared.web.ExampleAnswer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.Map;
import java.util.UUID;

/** The organization's products (what it sells), kept in Paydeck and in its Stripe account. */
@RestController
@RequestMapping("/api/v1/products")
@Validated
@Tag(name = "Products and prices")
class ProductsApiController {

    static final String PRODUCT_EXAMPLE = """
            {"id": "3a7e5c1d-2b4f-4e6a-9c8d-0f1e2d3c4b5a", "stripe_product_id": "prod_QxYbX2eZvKYlo2",
             "name": "Pro plan", "description": "Everything in Basic, and priority support",
             "metadata": {"sku": "PRO-1"}, "status": "active", "active": true,
             "created_at": "2026-11-24T09:30:00Z", "updated_at": "2026-11-24T09:30:00Z"}""";

    private final Products products;

    ProductsApiController(Products products) {
        this.products = products;
    }

    record ProductRequest(
            @Schema(example = "Pro plan") @Size(max = 250) String name,
            @Schema(example = "Everything in Basic, and priority support") @Size(max = 1000) String description,
            @Schema(example = "{\"sku\": \"PRO-1\"}") @Size(max = 50) Map<@Size(max = 40) String,
                    @Size(max = 500) String> metadata) {

        ProductDraft draft() {
            return new ProductDraft(name == null ? null : name.strip(), description, metadata);
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @ExampleAnswer(PRODUCT_EXAMPLE)
    @Operation(summary = "Create a product", description = "Creates the product in the organization's Stripe and "
            + "keeps a local copy; add its prices with POST /api/v1/prices. Send an Idempotency-Key header to retry "
            + "safely. When Stripe cannot be reached the answer is 503 with the product_id: the product stays "
            + "`unknown` and Paydeck finishes the creation later, without a duplicate.")
    ProductView create(Caller caller, @Valid @RequestBody ProductRequest request) {
        caller.requireWrite();
        if (request.name() == null || request.name().isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "A product needs a name.");
        }
        return ProductView.of(products.create(caller.organization(), request.draft(), caller.actor(), null));
    }

    @GetMapping
    @ExampleAnswer(description = "A page of products", value = "{\"data\": [" + PRODUCT_EXAMPLE
            + "], \"has_more\": false}")
    @Operation(summary = "List products", description = "Newest first; deleted products left out.")
    CursorPage<ProductView> list(Caller caller,
            @Parameter(description = "true: active products only; false: archived ones only")
            @RequestParam(required = false) Boolean active,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @Parameter(description = "Id of the last product of the previous page")
            @RequestParam(name = "starting_after", required = false) UUID startingAfter) {
        java.util.Set<ProductStatus> statuses = active == null ? java.util.Set.of()
                : java.util.Set.of(active ? ProductStatus.ACTIVE : ProductStatus.ARCHIVED);
        return CursorPage.of(products.list(caller.organization(), statuses, limit + 1,
                startingAfter == null ? null : new ProductId(startingAfter)).stream().map(ProductView::of)
                .toList(), limit, ProductView::id);
    }

    @GetMapping("/{id}")
    @ExampleAnswer(description = "The product", value = PRODUCT_EXAMPLE)
    @Operation(summary = "Get a product")
    ProductView get(Caller caller, @PathVariable UUID id) {
        return products.find(caller.organization(), new ProductId(id)).map(ProductView::of)
                .orElseThrow(ProductsApiController::notFound);
    }

    @PatchMapping("/{id}")
    @ExampleAnswer(description = "The product as updated", value = PRODUCT_EXAMPLE)
    @Operation(summary = "Update a product", description = "Only the fields given change. Metadata keys are "
            + "merged; an empty value removes a key.")
    ProductView update(Caller caller, @PathVariable UUID id, @Valid @RequestBody ProductRequest request) {
        caller.requireWrite();
        if (request.name() != null && request.name().isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "A product's name may not be empty.");
        }
        return products.update(caller.organization(), new ProductId(id), request.draft(), caller.actor())
                .map(ProductView::of).orElseThrow(ProductsApiController::notFound);
    }

    @PostMapping("/{id}/archive")
    @ExampleAnswer(description = "The product, archived", value = """
            {"id": "3a7e5c1d-2b4f-4e6a-9c8d-0f1e2d3c4b5a", "stripe_product_id": "prod_QxYbX2eZvKYlo2",
             "name": "Pro plan", "metadata": {}, "status": "archived", "active": false,
             "created_at": "2026-11-24T09:30:00Z", "updated_at": "2026-11-25T10:00:00Z"}""")
    @Operation(summary = "Archive a product", description = "Archives it in Stripe (active=false): it stays, with "
            + "its prices, but can no longer be bought.")
    ProductView archive(Caller caller, @PathVariable UUID id) {
        caller.requireWrite();
        return products.archive(caller.organization(), new ProductId(id), caller.actor()).map(ProductView::of)
                .orElseThrow(ProductsApiController::notFound);
    }

    @DeleteMapping("/{id}")
    @ExampleAnswer(description = "Deleted, or archived when it has prices", value = """
            {"id": "3a7e5c1d-2b4f-4e6a-9c8d-0f1e2d3c4b5a", "deleted": false, "archived": true,
             "detail": "Stripe deletes no product that has prices: it was archived instead."}""")
    @Operation(summary = "Delete a product", description = "Deletes a product without prices in Stripe. Stripe "
            + "refuses to delete a product that has prices: such a product is archived instead, and the answer "
            + "says so (`deleted: false, archived: true`).")
    Map<String, Object> delete(Caller caller, @PathVariable UUID id) {
        caller.requireWrite();
        return switch (products.delete(caller.organization(), new ProductId(id), caller.actor())) {
            case NOT_FOUND -> throw notFound();
            case DELETED -> Map.of("id", id, "deleted", true, "archived", false);
            case ARCHIVED -> Map.of("id", id, "deleted", false, "archived", true, "detail",
                    "Stripe deletes no product that has prices: it was archived instead.");
        };
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no such product.");
    }
}
