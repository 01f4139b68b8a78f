package dev.paydeck.customers;

import java.util.Map;

/** What a customer is created or updated with; null fields are left as they are on update. */
public record CustomerDraft(String email, String name, String phone, String description,
                            Map<String, String> metadata) {
}
