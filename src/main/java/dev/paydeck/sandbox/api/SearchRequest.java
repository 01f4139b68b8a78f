package dev.paydeck.sandbox.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * What a search endpoint is asked ({@code GET /v1/customers/search?query=...}): the parsed query, {@code limit}
 * (1–100, 10 by default) and {@code page}, the {@code next_page} cursor of the previous page (an opaque string to
 * the caller; here, where the previous page ended).
 */
public record SearchRequest(SearchQuery query, int limit, Long pageAfter) {

    /** The parameters of every search endpoint (and {@code expand}, which the mechanics take). */
    public static final ParamSpec PARAMS = ParamSpec.of().string("query", "page").integer("limit").required("query");

    private static final String PAGE_PREFIX = "search_page:";

    public static SearchRequest from(StripeCall call) {
        Long limit = call.longValue("limit");
        if (limit != null && (limit < 1 || limit > 100)) {
            throw StripeError.invalid("limit", "Invalid limit: must be between 1 and 100");
        }
        String page = call.string("page");
        return new SearchRequest(SearchQuery.parse(call.string("query")), limit == null ? 10 : limit.intValue(),
                page == null ? null : pageAfter(page));
    }

    /** The {@code next_page} of a page that ends with the object stored at {@code seq}. */
    static String nextPage(long seq) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PAGE_PREFIX + seq).getBytes(StandardCharsets.UTF_8));
    }

    private static Long pageAfter(String page) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(page), StandardCharsets.UTF_8);
            if (decoded.startsWith(PAGE_PREFIX)) {
                return Long.parseLong(decoded.substring(PAGE_PREFIX.length()));
            }
        } catch (IllegalArgumentException e) {
            // not one of ours: refused below
        }
        throw StripeError.invalid("page", "Invalid page: '" + page + "'. Use the next_page value returned by a "
                + "previous search, or no page for the first one.");
    }
}
