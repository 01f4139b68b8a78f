package dev.paydeck.sandbox.api;

import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.function.LongSupplier;

/**
 * A page of a search: {@code {"object": "search_result", "data": [...], "has_more": ..., "next_page": ..., "url":
 * ...}}, and {@code total_count} only when the request expands it ({@code expand[]=total_count}), as Stripe does:
 * counting every match costs a query of its own, so it is asked for only then.
 */
public record SearchResult(String url, List<ObjectNode> data, boolean hasMore, String nextPage,
                           LongSupplier totalCount) {

    static final String TOTAL_COUNT = "total_count";
}
