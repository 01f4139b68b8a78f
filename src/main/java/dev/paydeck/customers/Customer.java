package dev.paydeck.customers;

import java.time.OffsetDateTime;
import java.util.Map;

/** A customer of an organization, as Paydeck keeps it. */
public record Customer(CustomerId id, String stripeCustomerId, String email, String name, String phone,
                       String description, Map<String, String> metadata, CustomerStatus status,
                       OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
