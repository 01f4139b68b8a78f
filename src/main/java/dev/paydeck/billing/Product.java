package dev.paydeck.billing;

import java.time.OffsetDateTime;
import java.util.Map;

/** Something an organization sells, as Paydeck keeps it (Stripe's Product). */
public record Product(ProductId id, String stripeProductId, String name, String description,
                      Map<String, String> metadata, ProductStatus status, OffsetDateTime createdAt,
                      OffsetDateTime updatedAt) {
}
