package dev.paydeck.billing;

import java.util.Map;

/** What a product is created or updated with; null fields are left as they are on update. */
public record ProductDraft(String name, String description, Map<String, String> metadata) {
}
