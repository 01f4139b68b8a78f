package dev.paydeck.sandbox.api;

import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/** A page of a Stripe list: {@code {"object": "list", "data": [...], "has_more": ..., "url": ...}}. */
public record StripeList(String url, List<ObjectNode> data, boolean hasMore) {
}
