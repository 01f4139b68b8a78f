package dev.paydeck.customers;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * A customer of an organization, as Paydeck keeps it. {@code status} is {@code pending} while Stripe has not
 * confirmed the creation, {@code active} once it has, {@code deleted} after deletion (kept, soft-deleted).
 */
public record Customer(UUID id, String stripeCustomerId, String email, String name, String phone,
                       String description, Map<String, String> metadata, String status, OffsetDateTime createdAt,
                       OffsetDateTime updatedAt) {
}
